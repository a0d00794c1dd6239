<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CodeLabels</name>
    <message>
        <source>Female</source>
        <comment>Gender</comment>
        <translation>Femme</translation>
    </message>
    <message>
        <source>Male</source>
        <comment>Gender</comment>
        <translation>Homme</translation>
    </message>
    <message>
        <source>Transgender / gender non-conforming</source>
        <comment>Gender</comment>
        <translation>Transgenre / non conforme au genre</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Gender</comment>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Single</source>
        <comment>MaritalStatus</comment>
        <translation>Célibataire</translation>
    </message>
    <message>
        <source>Married</source>
        <comment>MaritalStatus</comment>
        <translation>Marié(e)</translation>
    </message>
    <message>
        <source>Civil partnership</source>
        <comment>MaritalStatus</comment>
        <translation>Partenariat civil (PACS)</translation>
    </message>
    <message>
        <source>Living with a partner</source>
        <comment>MaritalStatus</comment>
        <translation>En concubinage</translation>
    </message>
    <message>
        <source>Separated</source>
        <comment>MaritalStatus</comment>
        <translation>Séparé(e)</translation>
    </message>
    <message>
        <source>Divorced</source>
        <comment>MaritalStatus</comment>
        <translation>Divorcé(e)</translation>
    </message>
    <message>
        <source>Widowed</source>
        <comment>MaritalStatus</comment>
        <translation>Veuf/veuve</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>MaritalStatus</comment>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>No schooling</source>
        <comment>Education</comment>
        <translation>Non scolarisé(e)</translation>
    </message>
    <message>
        <source>Primary school</source>
        <comment>Education</comment>
        <translation>École primaire</translation>
    </message>
    <message>
        <source>Lower secondary school</source>
        <comment>Education</comment>
        <translation>Collège (premier cycle du secondaire)</translation>
    </message>
    <message>
        <source>Upper secondary school</source>
        <comment>Education</comment>
        <translation>Lycée (second cycle du secondaire)</translation>
    </message>
    <message>
        <source>Vocational training</source>
        <comment>Education</comment>
        <translation>Formation professionnelle</translation>
    </message>
    <message>
        <source>University or college</source>
        <comment>Education</comment>
        <translation>Études supérieures</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Education</comment>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>ContactType</comment>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <comment>ContactType</comment>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Postal address</source>
        <comment>ContactType</comment>
        <translation>Adresse postale</translation>
    </message>
    <message>
        <source>Messaging app</source>
        <comment>ContactType</comment>
        <translation>Messagerie instantanée</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ContactType</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Passport</source>
        <comment>IdentityDocumentType</comment>
        <translation>Passeport</translation>
    </message>
    <message>
        <source>National identity card</source>
        <comment>IdentityDocumentType</comment>
        <translation>Carte nationale d&apos;identité</translation>
    </message>
    <message>
        <source>Birth certificate</source>
        <comment>IdentityDocumentType</comment>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <comment>IdentityDocumentType</comment>
        <translation>Titre de séjour</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>IdentityDocumentType</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>ScreeningAct</comment>
        <translation>Recrutement</translation>
    </message>
    <message>
        <source>Transport</source>
        <comment>ScreeningAct</comment>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>ScreeningAct</comment>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>Harbouring</source>
        <comment>ScreeningAct</comment>
        <translation>Hébergement</translation>
    </message>
    <message>
        <source>Receipt of persons</source>
        <comment>ScreeningAct</comment>
        <translation>Accueil de personnes</translation>
    </message>
    <message>
        <source>Threat</source>
        <comment>ScreeningMeans</comment>
        <translation>Menace</translation>
    </message>
    <message>
        <source>Use of force</source>
        <comment>ScreeningMeans</comment>
        <translation>Recours à la force</translation>
    </message>
    <message>
        <source>Coercion</source>
        <comment>ScreeningMeans</comment>
        <translation>Contrainte</translation>
    </message>
    <message>
        <source>Abduction</source>
        <comment>ScreeningMeans</comment>
        <translation>Enlèvement</translation>
    </message>
    <message>
        <source>Fraud</source>
        <comment>ScreeningMeans</comment>
        <translation>Fraude</translation>
    </message>
    <message>
        <source>Deception</source>
        <comment>ScreeningMeans</comment>
        <translation>Tromperie</translation>
    </message>
    <message>
        <source>Abuse of power</source>
        <comment>ScreeningMeans</comment>
        <translation>Abus d&apos;autorité</translation>
    </message>
    <message>
        <source>Abuse of a position of vulnerability</source>
        <comment>ScreeningMeans</comment>
        <translation>Abus d&apos;une situation de vulnérabilité</translation>
    </message>
    <message>
        <source>Payments or benefits to a person in control</source>
        <comment>ScreeningMeans</comment>
        <translation>Paiements ou avantages à une personne ayant autorité</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <comment>ExploitationType</comment>
        <translation>Exploitation sexuelle</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <comment>ExploitationType</comment>
        <translation>Travail forcé</translation>
    </message>
    <message>
        <source>Domestic servitude</source>
        <comment>ExploitationType</comment>
        <translation>Servitude domestique</translation>
    </message>
    <message>
        <source>Forced marriage</source>
        <comment>ExploitationType</comment>
        <translation>Mariage forcé</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <comment>ExploitationType</comment>
        <translation>Criminalité forcée</translation>
    </message>
    <message>
        <source>Forced begging</source>
        <comment>ExploitationType</comment>
        <translation>Mendicité forcée</translation>
    </message>
    <message>
        <source>Organ removal</source>
        <comment>ExploitationType</comment>
        <translation>Prélèvement d&apos;organes</translation>
    </message>
    <message>
        <source>Slavery or servitude</source>
        <comment>ExploitationType</comment>
        <translation>Esclavage ou servitude</translation>
    </message>
    <message>
        <source>Military exploitation</source>
        <comment>ExploitationType</comment>
        <translation>Exploitation militaire</translation>
    </message>
    <message>
        <source>Other exploitation</source>
        <comment>ExploitationType</comment>
        <translation>Autre forme d&apos;exploitation</translation>
    </message>
    <message>
        <source>Job offer</source>
        <comment>RecruitmentMethod</comment>
        <translation>Offre d&apos;emploi</translation>
    </message>
    <message>
        <source>Abduction</source>
        <comment>RecruitmentMethod</comment>
        <translation>Enlèvement</translation>
    </message>
    <message>
        <source>Through a family member</source>
        <comment>RecruitmentMethod</comment>
        <translation>Par un membre de la famille</translation>
    </message>
    <message>
        <source>Through an intimate partner</source>
        <comment>RecruitmentMethod</comment>
        <translation>Par un partenaire intime</translation>
    </message>
    <message>
        <source>Marriage broker</source>
        <comment>RecruitmentMethod</comment>
        <translation>Agence ou intermédiaire matrimonial</translation>
    </message>
    <message>
        <source>Internet or social media</source>
        <comment>RecruitmentMethod</comment>
        <translation>Internet ou réseaux sociaux</translation>
    </message>
    <message>
        <source>Smuggling arrangement</source>
        <comment>RecruitmentMethod</comment>
        <translation>Passage clandestin organisé</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>RecruitmentMethod</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Family member</source>
        <comment>RecruiterRelationship</comment>
        <translation>Membre de la famille</translation>
    </message>
    <message>
        <source>Intimate partner</source>
        <comment>RecruiterRelationship</comment>
        <translation>Partenaire intime</translation>
    </message>
    <message>
        <source>Friend</source>
        <comment>RecruiterRelationship</comment>
        <translation>Ami(e)</translation>
    </message>
    <message>
        <source>Acquaintance</source>
        <comment>RecruiterRelationship</comment>
        <translation>Connaissance</translation>
    </message>
    <message>
        <source>Neighbour</source>
        <comment>RecruiterRelationship</comment>
        <translation>Voisin(e)</translation>
    </message>
    <message>
        <source>Employer</source>
        <comment>RecruiterRelationship</comment>
        <translation>Employeur</translation>
    </message>
    <message>
        <source>Recruitment agency</source>
        <comment>RecruiterRelationship</comment>
        <translation>Agence de recrutement</translation>
    </message>
    <message>
        <source>Stranger</source>
        <comment>RecruiterRelationship</comment>
        <translation>Inconnu(e)</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>RecruiterRelationship</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>RecruiterRelationship</comment>
        <translation>Non connue</translation>
    </message>
    <message>
        <source>Debt bondage</source>
        <comment>ControlMeans</comment>
        <translation>Servitude pour dettes</translation>
    </message>
    <message>
        <source>Identity documents withheld</source>
        <comment>ControlMeans</comment>
        <translation>Confiscation des papiers d&apos;identité</translation>
    </message>
    <message>
        <source>Threats</source>
        <comment>ControlMeans</comment>
        <translation>Menaces</translation>
    </message>
    <message>
        <source>Threats against the family</source>
        <comment>ControlMeans</comment>
        <translation>Menaces contre la famille</translation>
    </message>
    <message>
        <source>Physical abuse</source>
        <comment>ControlMeans</comment>
        <translation>Violences physiques</translation>
    </message>
    <message>
        <source>Sexual abuse</source>
        <comment>ControlMeans</comment>
        <translation>Violences sexuelles</translation>
    </message>
    <message>
        <source>Psychological abuse</source>
        <comment>ControlMeans</comment>
        <translation>Violences psychologiques</translation>
    </message>
    <message>
        <source>Restricted movement</source>
        <comment>ControlMeans</comment>
        <translation>Liberté de mouvement restreinte</translation>
    </message>
    <message>
        <source>Isolation</source>
        <comment>ControlMeans</comment>
        <translation>Isolement</translation>
    </message>
    <message>
        <source>Earnings withheld</source>
        <comment>ControlMeans</comment>
        <translation>Rémunération retenue</translation>
    </message>
    <message>
        <source>Food, sleep or care withheld</source>
        <comment>ControlMeans</comment>
        <translation>Privation de nourriture, de sommeil ou de soins</translation>
    </message>
    <message>
        <source>Forced use of alcohol or drugs</source>
        <comment>ControlMeans</comment>
        <translation>Consommation forcée d&apos;alcool ou de drogues</translation>
    </message>
    <message>
        <source>Excessive working hours</source>
        <comment>ControlMeans</comment>
        <translation>Horaires de travail excessifs</translation>
    </message>
    <message>
        <source>False promises</source>
        <comment>ControlMeans</comment>
        <translation>Fausses promesses</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ControlMeans</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <comment>LabourSector</comment>
        <translation>Agriculture</translation>
    </message>
    <message>
        <source>Fishing</source>
        <comment>LabourSector</comment>
        <translation>Pêche</translation>
    </message>
    <message>
        <source>Construction</source>
        <comment>LabourSector</comment>
        <translation>Bâtiment et travaux publics</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <comment>LabourSector</comment>
        <translation>Industrie manufacturière</translation>
    </message>
    <message>
        <source>Mining or quarrying</source>
        <comment>LabourSector</comment>
        <translation>Mines ou carrières</translation>
    </message>
    <message>
        <source>Domestic work</source>
        <comment>LabourSector</comment>
        <translation>Travail domestique</translation>
    </message>
    <message>
        <source>Hotels and restaurants</source>
        <comment>LabourSector</comment>
        <translation>Hôtellerie et restauration</translation>
    </message>
    <message>
        <source>Food processing</source>
        <comment>LabourSector</comment>
        <translation>Agroalimentaire</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <comment>LabourSector</comment>
        <translation>Nettoyage</translation>
    </message>
    <message>
        <source>Retail</source>
        <comment>LabourSector</comment>
        <translation>Commerce de détail</translation>
    </message>
    <message>
        <source>Care work</source>
        <comment>LabourSector</comment>
        <translation>Aide à la personne</translation>
    </message>
    <message>
        <source>Transport and logistics</source>
        <comment>LabourSector</comment>
        <translation>Transport et logistique</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <comment>LabourSector</comment>
        <translation>Spectacle et divertissement</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>LabourSector</comment>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>EventType</comment>
        <translation>Recrutement</translation>
    </message>
    <message>
        <source>Transit</source>
        <comment>EventType</comment>
        <translation>Transit</translation>
    </message>
    <message>
        <source>Exploitation</source>
        <comment>EventType</comment>
        <translation>Exploitation</translation>
    </message>
    <message>
        <source>Identification</source>
        <comment>EventType</comment>
        <translation>Identification</translation>
    </message>
    <message>
        <source>Exit from the situation</source>
        <comment>EventType</comment>
        <translation>Sortie de la situation</translation>
    </message>
    <message>
        <source>Assistance</source>
        <comment>ConsentScope</comment>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Data sharing with a partner</source>
        <comment>ConsentScope</comment>
        <translation>Partage des données avec un partenaire</translation>
    </message>
    <message>
        <source>Research use</source>
        <comment>ConsentScope</comment>
        <translation>Utilisation à des fins de recherche</translation>
    </message>
    <message>
        <source>Accommodation / shelter</source>
        <comment>ServiceType</comment>
        <translation>Hébergement / foyer</translation>
    </message>
    <message>
        <source>Medical care</source>
        <comment>ServiceType</comment>
        <translation>Soins médicaux</translation>
    </message>
    <message>
        <source>Psychosocial support</source>
        <comment>ServiceType</comment>
        <translation>Soutien psychosocial</translation>
    </message>
    <message>
        <source>Legal assistance</source>
        <comment>ServiceType</comment>
        <translation>Assistance juridique</translation>
    </message>
    <message>
        <source>Education or vocational training</source>
        <comment>ServiceType</comment>
        <translation>Éducation ou formation professionnelle</translation>
    </message>
    <message>
        <source>Family tracing</source>
        <comment>ServiceType</comment>
        <translation>Recherche familiale</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>ServiceType</comment>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Reintegration</source>
        <comment>ServiceType</comment>
        <translation>Réintégration</translation>
    </message>
    <message>
        <source>Resettlement</source>
        <comment>ServiceType</comment>
        <translation>Réinstallation</translation>
    </message>
    <message>
        <source>Financial assistance</source>
        <comment>ServiceType</comment>
        <translation>Aide financière</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>ServiceStatus</comment>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <comment>ServiceStatus</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>ServiceStatus</comment>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Refused by the person</source>
        <comment>ServiceStatus</comment>
        <translation>Refusé par la personne</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>ServiceStatus</comment>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Incoming</source>
        <comment>ReferralDirection</comment>
        <translation>Entrante</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <comment>ReferralDirection</comment>
        <translation>Sortante</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>ReferralStatus</comment>
        <translation>Demandée</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>ReferralStatus</comment>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Declined</source>
        <comment>ReferralStatus</comment>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>ReferralStatus</comment>
        <translation>Menée à terme</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>CaseStatus</comment>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Under assistance</source>
        <comment>CaseStatus</comment>
        <translation>En cours d&apos;assistance</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <comment>CaseStatus</comment>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>CaseStatus</comment>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Closed (referred)</source>
        <comment>CaseStatus</comment>
        <translation>Clôturé (orienté)</translation>
    </message>
    <message>
        <source>Assistance completed</source>
        <comment>ClosureReason</comment>
        <translation>Assistance terminée</translation>
    </message>
    <message>
        <source>Referred to another organisation</source>
        <comment>ClosureReason</comment>
        <translation>Orienté vers une autre organisation</translation>
    </message>
    <message>
        <source>Returned home</source>
        <comment>ClosureReason</comment>
        <translation>Retour au pays ou au foyer</translation>
    </message>
    <message>
        <source>The person declined further assistance</source>
        <comment>ClosureReason</comment>
        <translation>La personne a refusé la suite de l&apos;assistance</translation>
    </message>
    <message>
        <source>Contact lost</source>
        <comment>ClosureReason</comment>
        <translation>Contact perdu</translation>
    </message>
    <message>
        <source>Not a victim of trafficking</source>
        <comment>ClosureReason</comment>
        <translation>Pas victime de la traite</translation>
    </message>
    <message>
        <source>Deceased</source>
        <comment>ClosureReason</comment>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Duplicate case</source>
        <comment>ClosureReason</comment>
        <translation>Doublon</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ClosureReason</comment>
        <translation>Autre motif</translation>
    </message>
    <message>
        <source>Presumed victim</source>
        <comment>ScreeningOutcome</comment>
        <translation>Victime présumée</translation>
    </message>
    <message>
        <source>Not a victim</source>
        <comment>ScreeningOutcome</comment>
        <translation>Pas une victime</translation>
    </message>
    <message>
        <source>Screening pending</source>
        <comment>ScreeningOutcome</comment>
        <translation>Évaluation en attente</translation>
    </message>
    <message>
        <source>Event</source>
        <comment>ItemKind</comment>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Consent</source>
        <comment>ItemKind</comment>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>ItemKind</comment>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Referral</source>
        <comment>ItemKind</comment>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>ItemKind</comment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>ItemKind</comment>
        <translation>Transfert de dossier</translation>
    </message>
    <message>
        <source>The person had no real and acceptable alternative but to submit.</source>
        <translation>La personne n&apos;avait d&apos;autre choix réel et acceptable que de se soumettre.</translation>
    </message>
    <message>
        <source>Giving or receiving payments or benefits to obtain the consent of a person having control over another person.</source>
        <translation>Offre ou acceptation de paiements ou d&apos;avantages pour obtenir le consentement d&apos;une personne ayant autorité sur une autre.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Abri: case management for organisations assisting victims of human trafficking.</source>
        <translation>Abri&#xa0;: gestion des dossiers pour les organisations qui accompagnent les victimes de la traite des êtres humains.</translation>
    </message>
    <message>
        <source>Open the vault stored in &lt;path&gt; instead of the default one.</source>
        <translation>Ouvrir le coffre enregistré dans &lt;path&gt; au lieu du coffre par défaut.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>International</source>
        <translation>Internationale</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>No vault was found at %1.</source>
        <translation>Aucun coffre n&apos;a été trouvé à l&apos;emplacement %1.</translation>
    </message>
    <message>
        <source>A vault already exists at %1. It was left untouched.</source>
        <translation>Un coffre existe déjà à l&apos;emplacement %1. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>The vault %1 is damaged or is not an Abri vault. Nothing was changed; restore it from a backup.</source>
        <translation>Le coffre %1 est endommagé ou n&apos;est pas un coffre Abri. Rien n&apos;a été modifié&#xa0;; restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>The vault %1 was created by a newer version of Abri. Install the newer version to open it; nothing was changed.</source>
        <translation>Le coffre %1 a été créé par une version plus récente d&apos;Abri. Installez cette version pour l&apos;ouvrir&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The key file %1 that belongs to the vault is missing. Restore it from a backup.</source>
        <translation>Le fichier de clés %1 associé au coffre est introuvable. Restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>The key file %1 is damaged. Restore it from a backup.</source>
        <translation>Le fichier de clés %1 est endommagé. Restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>This installation of Abri is broken: the encrypted database library is missing. Reinstall Abri.</source>
        <translation>Cette installation d&apos;Abri est défectueuse&#xa0;: la bibliothèque de base de données chiffrée est absente. Réinstallez Abri.</translation>
    </message>
    <message>
        <source>Wrong password. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Mot de passe incorrect. Vérifiez la disposition du clavier et la touche Verr. Maj, puis réessayez.</translation>
    </message>
    <message>
        <source>This recovery key does not open the vault. Check each group of characters.</source>
        <translation>Cette clé de récupération n&apos;ouvre pas le coffre. Vérifiez chaque groupe de caractères.</translation>
    </message>
    <message>
        <source>There is no user named %1 in this vault.</source>
        <translation>Aucun utilisateur nommé %1 n&apos;existe dans ce coffre.</translation>
    </message>
    <message>
        <source>The account %1 is disabled. Ask an administrator to enable it.</source>
        <translation>Le compte %1 est désactivé. Demandez à un administrateur de le réactiver.</translation>
    </message>
    <message>
        <source>A user named %1 already exists.</source>
        <translation>Un utilisateur nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>This password is too weak. Use at least 10 characters; a short sentence is easy to remember.</source>
        <translation>Ce mot de passe est trop faible. Utilisez au moins 10 caractères&#xa0;; une courte phrase est facile à retenir.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>Le coffre est verrouillé. Déverrouillez-le pour continuer.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Votre rôle ne permet pas cette action.</translation>
    </message>
    <message>
        <source>Abri could not read or write %1.</source>
        <translation>Abri n&apos;a pas pu lire ou écrire %1.</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>Le disque est plein&#xa0;; rien n&apos;a été enregistré. Libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <source>The vault is in use by another Abri window or program. Close it and try again.</source>
        <translation>Le coffre est utilisé par une autre fenêtre ou un autre programme Abri. Fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The vault reported an internal database error; nothing was saved.</source>
        <translation>Le coffre a signalé une erreur interne de base de données&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The file %1 is not valid JSON.</source>
        <translation>Le fichier %1 n&apos;est pas un JSON valide.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» est obligatoire.</translation>
    </message>
    <message>
        <source>The field %1 is not known to this version of Abri.</source>
        <translation>Le champ %1 est inconnu de cette version d&apos;Abri.</translation>
    </message>
    <message>
        <source>This value is not valid for %1.</source>
        <translation>Cette valeur n&apos;est pas valide pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Choose a value from the list for %1.</source>
        <translation>Choisissez une valeur dans la liste pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is not a valid date.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une date valide.</translation>
    </message>
    <message>
        <source>%1 cannot be in the future.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <source>The value of %1 is out of range.</source>
        <translation>La valeur de «&#xa0;%1&#xa0;» est hors des limites autorisées.</translation>
    </message>
    <message>
        <source>The case cannot move directly to this status.</source>
        <translation>Le dossier ne peut pas passer directement à ce statut.</translation>
    </message>
    <message>
        <source>The person has not consented to sharing their data; record a data-sharing consent first.</source>
        <translation>La personne n&apos;a pas consenti au partage de ses données&#xa0;; enregistrez d&apos;abord un consentement au partage des données.</translation>
    </message>
    <message>
        <source>This record no longer exists; it may have been deleted.</source>
        <translation>Cet enregistrement n&apos;existe plus&#xa0;; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <source>This record cannot be changed; add a correction instead.</source>
        <translation>Cet enregistrement ne peut pas être modifié&#xa0;; ajoutez plutôt une correction.</translation>
    </message>
    <message>
        <source>The audit log has been tampered with. Contact your administrator.</source>
        <translation>Le journal d&apos;audit a été altéré. Contactez votre administrateur.</translation>
    </message>
    <message>
        <source>Entries are missing from the end of the audit log. Contact your administrator.</source>
        <translation>Des entrées manquent à la fin du journal d&apos;audit. Contactez votre administrateur.</translation>
    </message>
    <message>
        <source>An unexpected error occurred; nothing was saved.</source>
        <translation>Une erreur inattendue s&apos;est produite&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The connection to the hub failed because of a communication error. The sync service will try again.</source>
        <translation>La connexion au serveur central a échoué à cause d&apos;une erreur de communication. Le service de synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>The hub uses a newer sync protocol. Install the newer version of Abri on this computer.</source>
        <translation>Le serveur central utilise un protocole de synchronisation plus récent. Installez la version plus récente d&apos;Abri sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The hub did not answer in time. The sync service will try again.</source>
        <translation>Le serveur central n&apos;a pas répondu à temps. Le service de synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>The hub is busy. The sync service will try again later.</source>
        <translation>Le serveur central est occupé. Le service de synchronisation réessaiera plus tard.</translation>
    </message>
    <message>
        <source>The hub is restarting. The sync service will try again later.</source>
        <translation>Le serveur central redémarre. Le service de synchronisation réessaiera plus tard.</translation>
    </message>
    <message>
        <source>A newer connection from this computer to the hub replaced this one.</source>
        <translation>Une connexion plus récente de cet ordinateur au serveur central a remplacé celle-ci.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the hub. Enrol it again with a new token.</source>
        <translation>Cet ordinateur n&apos;est pas inscrit auprès du serveur central. Inscrivez-le à nouveau avec un nouveau jeton d&apos;inscription.</translation>
    </message>
    <message>
        <source>The hub has withdrawn this computer&apos;s access. Contact the hub operator.</source>
        <translation>Le serveur central a retiré l&apos;accès de cet ordinateur. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>This computer&apos;s enrolment has expired. Enrol it again with a new token.</source>
        <translation>L&apos;inscription de cet ordinateur a expiré. Inscrivez-le à nouveau avec un nouveau jeton d&apos;inscription.</translation>
    </message>
    <message>
        <source>The hub did not recognise this computer&apos;s key. Contact the hub operator.</source>
        <translation>Le serveur central n&apos;a pas reconnu la clé de cet ordinateur. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>The server is not the hub this computer was enrolled with. Nothing was sent.</source>
        <translation>Ce serveur n&apos;est pas le serveur central auprès duquel cet ordinateur a été inscrit. Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>The hub has set this computer&apos;s changes aside for checking. Contact the hub operator.</source>
        <translation>Le serveur central a mis de côté les modifications de cet ordinateur pour vérification. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>The enrolment token is not valid.</source>
        <translation>Le jeton d&apos;inscription n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The enrolment token has expired. Ask the hub operator for a new one.</source>
        <translation>Le jeton d&apos;inscription a expiré. Demandez-en un nouveau à l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>The enrolment token has already been used. Ask the hub operator for a new one.</source>
        <translation>Le jeton d&apos;inscription a déjà été utilisé. Demandez-en un nouveau à l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>The enrolment token is incomplete or mistyped. Check each character.</source>
        <translation>Le jeton d&apos;inscription est incomplet ou mal saisi. Vérifiez chaque caractère.</translation>
    </message>
    <message>
        <source>The enrolment token is for another office.</source>
        <translation>Le jeton d&apos;inscription est destiné à un autre bureau.</translation>
    </message>
    <message>
        <source>This computer is already enrolled with the hub.</source>
        <translation>Cet ordinateur est déjà inscrit auprès du serveur central.</translation>
    </message>
    <message>
        <source>The hub refused the enrolment request. Contact the hub operator.</source>
        <translation>Le serveur central a refusé la demande d&apos;inscription. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>A sync file was damaged or was not meant for this computer. It was set aside and will be fetched again.</source>
        <translation>Un fichier de synchronisation était endommagé ou n&apos;était pas destiné à cet ordinateur. Il a été mis de côté et sera récupéré à nouveau.</translation>
    </message>
    <message>
        <source>A sync file was written by a newer version of Abri. Install the newer version on this computer.</source>
        <translation>Un fichier de synchronisation a été créé par une version plus récente d&apos;Abri. Installez la version plus récente sur cet ordinateur.</translation>
    </message>
    <message>
        <source>A sync file failed its signature check. It was set aside and will be fetched again.</source>
        <translation>Un fichier de synchronisation n&apos;a pas passé la vérification de signature. Il a été mis de côté et sera récupéré à nouveau.</translation>
    </message>
    <message>
        <source>The hub is missing earlier changes from this computer. They will be sent again.</source>
        <translation>Il manque au serveur central des modifications antérieures de cet ordinateur. Elles seront renvoyées.</translation>
    </message>
    <message>
        <source>The hub received two different histories from this computer (was the vault restored from a backup?) and set its changes aside. Contact the hub operator.</source>
        <translation>Le serveur central a reçu deux historiques différents de cet ordinateur (le coffre a-t-il été restauré à partir d&apos;une sauvegarde&#xa0;?) et a mis ses modifications de côté. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>These changes had already reached the hub.</source>
        <translation>Ces modifications étaient déjà parvenues au serveur central.</translation>
    </message>
    <message>
        <source>The hub refused changes for an office this computer is not enrolled for.</source>
        <translation>Le serveur central a refusé des modifications pour un bureau auquel cet ordinateur n&apos;est pas rattaché.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is too far ahead, so the hub refused its changes. Correct the date and time.</source>
        <translation>L&apos;horloge de cet ordinateur est trop en avance&#xa0;: le serveur central a refusé ses modifications. Corrigez la date et l&apos;heure.</translation>
    </message>
    <message>
        <source>This computer&apos;s date is wrong, so the hub refused its changes. Correct the date and time.</source>
        <translation>La date de cet ordinateur est erronée&#xa0;: le serveur central a refusé ses modifications. Corrigez la date et l&apos;heure.</translation>
    </message>
    <message>
        <source>The hub refused a change to a case this office has no access to.</source>
        <translation>Le serveur central a refusé une modification d&apos;un dossier auquel ce bureau n&apos;a pas accès.</translation>
    </message>
    <message>
        <source>The hub refused a change that this computer&apos;s role does not allow.</source>
        <translation>Le serveur central a refusé une modification que le rôle de cet ordinateur ne permet pas.</translation>
    </message>
    <message>
        <source>The hub refused a case registered for another office.</source>
        <translation>Le serveur central a refusé un dossier enregistré pour un autre bureau.</translation>
    </message>
    <message>
        <source>The hub refused a change to a record it does not have.</source>
        <translation>Le serveur central a refusé la modification d&apos;un enregistrement qu&apos;il ne possède pas.</translation>
    </message>
    <message>
        <source>The hub refused a record that it already has.</source>
        <translation>Le serveur central a refusé un enregistrement qu&apos;il possède déjà.</translation>
    </message>
    <message>
        <source>The hub refused a change filed under the wrong case.</source>
        <translation>Le serveur central a refusé une modification rattachée au mauvais dossier.</translation>
    </message>
    <message>
        <source>The hub refused a change to a field that cannot be changed.</source>
        <translation>Le serveur central a refusé la modification d&apos;un champ non modifiable.</translation>
    </message>
    <message>
        <source>The hub refused a change to a record that can only be corrected.</source>
        <translation>Le serveur central a refusé la modification d&apos;un enregistrement qui peut seulement être corrigé.</translation>
    </message>
    <message>
        <source>The hub refused a field it does not know. The hub may need an update.</source>
        <translation>Le serveur central a refusé un champ qu&apos;il ne connaît pas. Il doit peut-être être mis à jour.</translation>
    </message>
    <message>
        <source>The hub refused a value it considers not valid.</source>
        <translation>Le serveur central a refusé une valeur qu&apos;il juge non valide.</translation>
    </message>
    <message>
        <source>The hub refused to send this computer the data of another office.</source>
        <translation>Le serveur central a refusé d&apos;envoyer à cet ordinateur les données d&apos;un autre bureau.</translation>
    </message>
    <message>
        <source>The hub has less data than this computer expected (was it restored from a backup?). Contact the hub operator.</source>
        <translation>Le serveur central a moins de données que ne l&apos;attendait cet ordinateur (a-t-il été restauré à partir d&apos;une sauvegarde&#xa0;?). Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>Waiting for earlier updates from the hub.</source>
        <translation>En attente de mises à jour antérieures du serveur central.</translation>
    </message>
    <message>
        <source>An update meant for another computer was found and set aside.</source>
        <translation>Une mise à jour destinée à un autre ordinateur a été trouvée et mise de côté.</translation>
    </message>
    <message>
        <source>Downloads are paused because many updates are waiting. Keep Abri unlocked for a moment so that they are applied.</source>
        <translation>Les téléchargements sont suspendus car de nombreuses mises à jour sont en attente. Laissez Abri déverrouillé un moment pour qu&apos;elles soient appliquées.</translation>
    </message>
    <message>
        <source>An attachment is not available from the hub yet. The sync service will ask for it again.</source>
        <translation>Une pièce jointe n&apos;est pas encore disponible sur le hub. Le service de synchronisation la demandera de nouveau.</translation>
    </message>
    <message>
        <source>Today&apos;s attachment allowance for this office is used up. Case changes still sync; attachments continue tomorrow.</source>
        <translation>Le volume de pièces jointes du jour pour ce bureau est épuisé. Les modifications des dossiers se synchronisent toujours ; les pièces jointes reprendront demain.</translation>
    </message>
    <message>
        <source>The sync failed for an unknown reason. The sync service will try again.</source>
        <translation>La synchronisation a échoué pour une raison inconnue. Le service de synchronisation réessaiera.</translation>
    </message>
    <message>
        <source>The minimum cell size must be between 5 and 1000: smaller counts could reveal who the persons are.</source>
        <translation>La taille minimale des cellules doit être comprise entre 5 et 1000&#xa0;: des effectifs plus petits pourraient révéler qui sont les personnes.</translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation>Le début de la période est postérieur à sa fin.</translation>
    </message>
    <message>
        <source>Choose a different dimension for the columns than for the rows.</source>
        <translation>Choisissez pour les colonnes une autre dimension que pour les lignes.</translation>
    </message>
    <message>
        <source>A filter of the report holds a value this dimension does not have; choose the values from the list again.</source>
        <translation>Un filtre du rapport contient une valeur que cette dimension n&apos;a pas&#xa0;; choisissez à nouveau les valeurs dans la liste.</translation>
    </message>
    <message>
        <source>Give the report a name to save it.</source>
        <translation>Donnez un nom au rapport pour l&apos;enregistrer.</translation>
    </message>
    <message>
        <source>This saved report no longer exists.</source>
        <translation>Ce rapport enregistré n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>Lignes du rapport</translation>
    </message>
    <message>
        <source>Report columns</source>
        <translation>Colonnes du rapport</translation>
    </message>
    <message>
        <source>Report name</source>
        <translation>Nom du rapport</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>Fin de la période</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Minimum cell size</source>
        <translation>Taille minimale des cellules</translation>
    </message>
    <message>
        <source>Report filter</source>
        <translation>Filtre du rapport</translation>
    </message>
    <message>
        <source>A file named %1 already exists. Choose another name; nothing was written.</source>
        <translation>Un fichier nommé %1 existe déjà. Choisissez un autre nom ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The backup %1 is damaged or is not an Abri backup. Nothing was changed.</source>
        <translation>La sauvegarde %1 est endommagée ou n&apos;est pas une sauvegarde Abri. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup %1 belongs to another vault. Nothing was changed.</source>
        <translation>La sauvegarde %1 appartient à un autre coffre. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>The file is empty. Nothing was attached.</source>
        <translation>Le fichier est vide. Rien n&apos;a été joint.</translation>
    </message>
    <message>
        <source>The file is larger than attachments may be. Nothing was attached; scan it at a lower resolution or split it.</source>
        <translation>Le fichier dépasse la taille permise pour une pièce jointe. Rien n&apos;a été joint&#xa0;; numérisez-le à une résolution plus basse ou divisez-le.</translation>
    </message>
    <message>
        <source>The file is a program or a script, whatever its name says. Programs are never attached; nothing was stored.</source>
        <translation>Le fichier est un programme ou un script, quel que soit son nom. Les programmes ne sont jamais joints&#xa0;; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Only PDF files, JPEG, PNG, TIFF and WebP images and plain text can be attached. Nothing was stored.</source>
        <translation>Seuls les fichiers PDF, les images JPEG, PNG, TIFF et WebP et le texte brut peuvent être joints. Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The file could not be read (it may be a folder, on a removed drive, or not yours to read). Nothing was attached.</source>
        <translation>Le fichier n&apos;a pas pu être lu (c&apos;est peut-être un dossier, il est sur un support retiré, ou vous n&apos;avez pas le droit de le lire). Rien n&apos;a été joint.</translation>
    </message>
    <message>
        <source>The file&apos;s name cannot be used for an attachment (it is empty, too long or has special characters). Rename the file and try again.</source>
        <translation>Le nom du fichier ne peut pas servir pour une pièce jointe (il est vide, trop long ou contient des caractères spéciaux). Renommez le fichier et réessayez.</translation>
    </message>
    <message>
        <source>This attachment is damaged in the vault and cannot be shown. Restore the vault from a backup or ask a colleague whose laptop has it.</source>
        <translation>Cette pièce jointe est endommagée dans le coffre et ne peut pas être affichée. Restaurez le coffre depuis une sauvegarde ou demandez-la à un collègue dont l&apos;ordinateur l&apos;a.</translation>
    </message>
    <message>
        <source>This attachment is still arriving from the hub. Sync again and open it when it is complete.</source>
        <translation>Cette pièce jointe est encore en cours de réception depuis le hub. Synchronisez de nouveau et ouvrez-la quand elle sera complète.</translation>
    </message>
    <message>
        <source>The attachment could not be handled.</source>
        <translation>La pièce jointe n&apos;a pas pu être traitée.</translation>
    </message>
    <message>
        <source>The file is %1, over the limit of %2 for attachments. Nothing was attached; scan it at a lower resolution or split it.</source>
        <translation>Le fichier fait %1, au-delà de la limite de %2 pour les pièces jointes. Rien n&apos;a été joint&#xa0;; numérisez-le à une résolution plus basse ou divisez-le.</translation>
    </message>
    <message>
        <source>The hub refused a change to a case that was erased at a person&apos;s request.</source>
        <translation>Le serveur central a refusé une modification d&apos;un dossier effacé à la demande de la personne.</translation>
    </message>
    <message>
        <source>This computer is enrolled for caseworkers, so the hub would refuse the erasure. Nothing was erased. Erase the case from a computer enrolled for a supervisor.</source>
        <translation>Cet ordinateur est inscrit pour des travailleurs sociaux : le serveur central refuserait l&apos;effacement. Rien n&apos;a été effacé. Effacez le dossier depuis un ordinateur inscrit pour un superviseur.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Case code</source>
        <comment>case</comment>
        <translation>Code du dossier</translation>
    </message>
    <message>
        <source>Office</source>
        <comment>case</comment>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <comment>case</comment>
        <translation>Travailleur social référent</translation>
    </message>
    <message>
        <source>Case status</source>
        <comment>case</comment>
        <translation>Statut du dossier</translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <comment>case</comment>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <source>Registered on</source>
        <comment>case</comment>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <source>Closed on</source>
        <comment>case</comment>
        <translation>Clôturé le</translation>
    </message>
    <message>
        <source>Given name</source>
        <comment>case</comment>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <comment>case</comment>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Other names used</source>
        <comment>case</comment>
        <translation>Autres noms utilisés</translation>
    </message>
    <message>
        <source>Gender</source>
        <comment>case</comment>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <comment>case</comment>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Estimated age</source>
        <comment>case</comment>
        <translation>Âge estimé</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <comment>case</comment>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <comment>case</comment>
        <translation>Langues parlées</translation>
    </message>
    <message>
        <source>Marital status</source>
        <comment>case</comment>
        <translation>Situation familiale</translation>
    </message>
    <message>
        <source>Number of children</source>
        <comment>case</comment>
        <translation>Nombre d&apos;enfants</translation>
    </message>
    <message>
        <source>Education</source>
        <comment>case</comment>
        <translation>Niveau d&apos;études</translation>
    </message>
    <message>
        <source>Contacts</source>
        <comment>case</comment>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <comment>case</comment>
        <translation>Pièces d&apos;identité</translation>
    </message>
    <message>
        <source>Act</source>
        <comment>case</comment>
        <translation>Acte</translation>
    </message>
    <message>
        <source>Means</source>
        <comment>case</comment>
        <translation>Moyens</translation>
    </message>
    <message>
        <source>Purpose (exploitation)</source>
        <comment>case</comment>
        <translation>But (exploitation)</translation>
    </message>
    <message>
        <source>Screening complete</source>
        <comment>case</comment>
        <translation>Évaluation terminée</translation>
    </message>
    <message>
        <source>Screened on</source>
        <comment>case</comment>
        <translation>Évalué le</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>case</comment>
        <translation>Mode de recrutement</translation>
    </message>
    <message>
        <source>Relationship to the recruiter</source>
        <comment>case</comment>
        <translation>Lien avec le recruteur</translation>
    </message>
    <message>
        <source>Means of control</source>
        <comment>case</comment>
        <translation>Moyens de contrôle</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <comment>case</comment>
        <translation>Formes d&apos;exploitation</translation>
    </message>
    <message>
        <source>Sector of work</source>
        <comment>case</comment>
        <translation>Secteur d&apos;activité</translation>
    </message>
    <message>
        <source>Exploitation began on</source>
        <comment>case</comment>
        <translation>Début de l&apos;exploitation</translation>
    </message>
    <message>
        <source>Exploitation ended on</source>
        <comment>case</comment>
        <translation>Fin de l&apos;exploitation</translation>
    </message>
    <message>
        <source>Stage</source>
        <comment>event</comment>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>event</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Country</source>
        <comment>event</comment>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Place</source>
        <comment>event</comment>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Consent to</source>
        <comment>consent</comment>
        <translation>Consentement à</translation>
    </message>
    <message>
        <source>Consent given</source>
        <comment>consent</comment>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <comment>consent</comment>
        <translation>Organisation partenaire</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <comment>consent</comment>
        <translation>Recueilli le</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <comment>consent</comment>
        <translation>Recueilli par</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <comment>consent</comment>
        <translation>Retiré le</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>service</comment>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Provider</source>
        <comment>service</comment>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>service</comment>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Start date</source>
        <comment>service</comment>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <comment>service</comment>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>service</comment>
        <translation>Précisions</translation>
    </message>
    <message>
        <source>Direction</source>
        <comment>referral</comment>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <comment>referral</comment>
        <translation>Organisation partenaire</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>referral</comment>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>referral</comment>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>referral</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>note</comment>
        <translation>Note</translation>
    </message>
    <message>
        <source>To office</source>
        <comment>transfer</comment>
        <translation>Vers le bureau</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>transfer</comment>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>transfer</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Optional: the person may prefer not to give a name.</source>
        <translation>Facultatif&#xa0;: la personne peut préférer ne pas donner de nom.</translation>
    </message>
    <message>
        <source>When the date of birth is not known.</source>
        <translation>Si la date de naissance n&apos;est pas connue.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Prestation</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfert de dossier</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <comment>case</comment>
        <translation>Doublon de</translation>
    </message>
    <message>
        <source>Same person as</source>
        <comment>case</comment>
        <translation>Même personne que</translation>
    </message>
    <message>
        <source>Possible duplicate of</source>
        <comment>case</comment>
        <translation>Doublon possible de</translation>
    </message>
</context>
<context>
    <name>RefusalMessages</name>
    <message>
        <source>The hub refused changes from this computer for a reason this version of Abri does not know. Contact the hub operator and quote the error code.</source>
        <translation>Le serveur central a refusé des modifications de cet ordinateur pour une raison que cette version d&apos;Abri ne connaît pas. Contactez l&apos;opérateur du serveur central et indiquez-lui le code d&apos;erreur.</translation>
    </message>
    <message>
        <source>The hub could not accept a set of changes from this computer because it was not valid. Contact the hub operator and quote the error code.</source>
        <translation>Le serveur central n&apos;a pas pu accepter un lot de modifications de cet ordinateur, car il n&apos;était pas valide. Contactez l&apos;opérateur du serveur central et indiquez-lui le code d&apos;erreur.</translation>
    </message>
    <message>
        <source>The hub could not verify the signature on changes from this computer. Contact the hub operator and quote the error code.</source>
        <translation>Le serveur central n&apos;a pas pu vérifier la signature des modifications de cet ordinateur. Contactez l&apos;opérateur du serveur central et indiquez-lui le code d&apos;erreur.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is still more than a day ahead of the hub&apos;s time. Correct the date and time in the system settings, then try again.</source>
        <translation>L&apos;horloge de cet ordinateur a encore plus d&apos;un jour d&apos;avance sur l&apos;heure du serveur central. Corrigez la date et l&apos;heure dans les paramètres du système, puis réessayez.</translation>
    </message>
    <message>
        <source>This computer&apos;s date is still before 2020. Correct the date and time in the system settings, then try again.</source>
        <translation>La date de cet ordinateur est encore antérieure à 2020. Corrigez la date et l&apos;heure dans les paramètres du système, puis réessayez.</translation>
    </message>
    <message>
        <source>The hub has accepted these changes in the meantime, so they are not sent again. Sync again to update the list.</source>
        <translation>Le serveur central a accepté ces modifications entre-temps&#xa0;: elles ne sont pas renvoyées. Synchronisez de nouveau pour mettre la liste à jour.</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Filters: %1</source>
        <translation>Filtres&#xa0;: %1</translation>
    </message>
    <message>
        <source>Report of %1</source>
        <translation>Rapport du %1</translation>
    </message>
    <message>
        <source>Office %1</source>
        <translation>Bureau %1</translation>
    </message>
</context>
<context>
    <name>ReportLabels</name>
    <message>
        <source>%1 (%2)</source>
        <comment>category (suppressed value)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Suppressed categories (%1) are left out.</source>
        <translation>Les catégories masquées (%1) ne sont pas représentées.</translation>
    </message>
    <message>
        <source>Bars marked (%1) are suppressed and not drawn.</source>
        <translation>Les barres marquées (%1) sont masquées et ne sont pas dessinées.</translation>
    </message>
    <message>
        <source>Suppressed values (%1) are not drawn.</source>
        <translation>Les valeurs masquées (%1) ne sont pas dessinées.</translation>
    </message>
    <message>
        <source>%1 and over</source>
        <comment>age band</comment>
        <translation>%1 et plus</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>age band: from–to years</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month name, year</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <comment>quarter of a year: Q3 2026</comment>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>Age at registration</source>
        <translation>Âge à l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Minor or adult</source>
        <translation>Mineur ou adulte</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Country of exploitation</source>
        <translation>Pays d&apos;exploitation</translation>
    </message>
    <message>
        <source>International or internal</source>
        <translation>International ou interne</translation>
    </message>
    <message>
        <source>Type of exploitation</source>
        <translation>Forme d&apos;exploitation</translation>
    </message>
    <message>
        <source>Labour sector</source>
        <translation>Secteur d&apos;activité</translation>
    </message>
    <message>
        <source>Recruitment method</source>
        <translation>Mode de recrutement</translation>
    </message>
    <message>
        <source>Relationship to the recruiter</source>
        <translation>Lien avec le recruteur</translation>
    </message>
    <message>
        <source>Means of control</source>
        <translation>Moyens de contrôle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Type de service</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Statut du service</translation>
    </message>
    <message>
        <source>Referral direction</source>
        <translation>Sens de l&apos;orientation</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>Statut de l&apos;orientation</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Statut du dossier</translation>
    </message>
    <message>
        <source>Closure reason</source>
        <translation>Motif de clôture</translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation>Résultat de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Year of registration</source>
        <translation>Année d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Quarter of registration</source>
        <translation>Trimestre d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Month of registration</source>
        <translation>Mois d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Persons assisted by age</source>
        <translation>Personnes assistées par âge</translation>
    </message>
    <message>
        <source>Persons assisted: minors and adults</source>
        <translation>Personnes assistées&#xa0;: mineurs et adultes</translation>
    </message>
    <message>
        <source>Persons assisted by sex</source>
        <translation>Personnes assistées par sexe</translation>
    </message>
    <message>
        <source>Persons assisted: international and internal trafficking</source>
        <translation>Personnes assistées&#xa0;: traite internationale et interne</translation>
    </message>
    <message>
        <source>Persons assisted by type of exploitation</source>
        <translation>Personnes assistées par forme d&apos;exploitation</translation>
    </message>
    <message>
        <source>Assistance given: services by type and status</source>
        <translation>Assistance fournie&#xa0;: services par type et statut</translation>
    </message>
    <message>
        <source>Referrals by direction and status</source>
        <translation>Orientations par sens et statut</translation>
    </message>
    <message>
        <source>Case flow: cases registered per month by current status</source>
        <translation>Flux des dossiers&#xa0;: dossiers enregistrés par mois selon leur statut actuel</translation>
    </message>
    <message>
        <source>Type of exploitation by sex</source>
        <translation>Forme d&apos;exploitation par sexe</translation>
    </message>
    <message>
        <source>Type of exploitation by age</source>
        <translation>Forme d&apos;exploitation par âge</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <comment>report title: rows by columns</comment>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>Aucun service</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>Aucune orientation</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Non clôturé</translation>
    </message>
    <message>
        <source>Minors (under 18)</source>
        <translation>Mineurs (moins de 18 ans)</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>Adultes</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Registered %1 – %2</source>
        <comment>period</comment>
        <translation>Enregistrés du %1 au %2</translation>
    </message>
    <message>
        <source>Registered from %1</source>
        <comment>period</comment>
        <translation>Enregistrés depuis le %1</translation>
    </message>
    <message>
        <source>Registered until %1</source>
        <comment>period</comment>
        <translation>Enregistrés jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>All registrations</source>
        <translation>Tous les enregistrements</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>filter: dimension: values</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Suppressed: fewer than %1 persons (or needed to protect another cell)</source>
        <translation>Masqué&#xa0;: moins de %1 personnes (ou nécessaire pour protéger une autre cellule)</translation>
    </message>
    <message>
        <source>A person can count in several rows; totals count each person once.</source>
        <translation>Une personne peut compter dans plusieurs lignes&#xa0;; les totaux comptent chaque personne une seule fois.</translation>
    </message>
    <message>
        <source>Internal: broken down by office or caseworker — not for publication.</source>
        <translation>Interne&#xa0;: ventilé par bureau ou par référent — ne pas publier.</translation>
    </message>
    <message>
        <source>Values below %1 are suppressed to protect the persons counted; values are rounded to base 5.</source>
        <translation>Les valeurs inférieures à %1 sont masquées pour protéger les personnes comptées&#xa0;; les valeurs sont arrondies à un multiple de 5.</translation>
    </message>
    <message>
        <source>Values below %1 are suppressed to protect the persons counted.</source>
        <translation>Les valeurs inférieures à %1 sont masquées pour protéger les personnes comptées.</translation>
    </message>
    <message>
        <source>No person was registered in this period with these filters.</source>
        <translation>Aucune personne n&apos;a été enregistrée sur cette période avec ces filtres.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Caseworker</source>
        <translation>Travailleur social</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Registers and follows cases; may reveal sensitive fields.</source>
        <translation>Enregistre et suit les dossiers&#xa0;; peut afficher les champs sensibles.</translation>
    </message>
    <message>
        <source>Like a caseworker, and may delete records and resolve conflicting edits.</source>
        <translation>Comme un travailleur social, et peut en plus supprimer des enregistrements et résoudre les modifications contradictoires.</translation>
    </message>
    <message>
        <source>Manages user accounts; does not see people&apos;s identities.</source>
        <translation>Gère les comptes des utilisateurs&#xa0;; ne voit pas l&apos;identité des personnes.</translation>
    </message>
</context>
<context>
    <name>abri::app::AddUserDialog</name>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>used to unlock, for example amira</source>
        <translation>sert à déverrouiller, par exemple amira</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Mot de passe initial</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentCategoryDialog</name>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>What kind of paper is being attached to this case?</source>
        <translation>Quel type de document joignez-vous à ce dossier&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie&#xa0;:</translation>
    </message>
    <message>
        <source>The files are stored encrypted inside the vault. The originals stay where they are: delete them yourself if they should not stay on this computer.</source>
        <translation>Les fichiers sont enregistrés chiffrés dans le coffre. Les originaux restent où ils sont&#xa0;: supprimez-les vous-même s&apos;ils ne doivent pas rester sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Joindre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentViewer</name>
    <message>
        <source>This image cannot be shown here. Use &quot;Save a copy…&quot; to open it with another program.</source>
        <translation>Cette image ne peut pas être affichée ici. Utilisez «&#xa0;Enregistrer une copie…&#xa0;» pour l&apos;ouvrir avec un autre programme.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown here (it may be protected by a password or damaged). Use &quot;Save a copy…&quot; to open it with another program.</source>
        <translation>Ce PDF ne peut pas être affiché ici (il est peut-être protégé par un mot de passe ou endommagé). Utilisez «&#xa0;Enregistrer une copie…&#xa0;» pour l&apos;ouvrir avec un autre programme.</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>Pièce jointe&#xa0;: %1</translation>
    </message>
    <message>
        <source>Shown from the encrypted vault; no copy is written to this computer&apos;s disk. Opening it was recorded in the audit log.</source>
        <translation>Affiché depuis le coffre chiffré&#xa0;; aucune copie n&apos;est écrite sur le disque de cet ordinateur. L&apos;ouverture a été inscrite au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentsSection</name>
    <message>
        <source>Consent form</source>
        <translation>Formulaire de consentement</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Pièce d&apos;identité</translation>
    </message>
    <message>
        <source>Medical paper</source>
        <translation>Document médical</translation>
    </message>
    <message>
        <source>Legal paper</source>
        <translation>Document juridique</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Other paper</source>
        <translation>Autre document</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>Image JPEG</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <source>TIFF image</source>
        <translation>Image TIFF</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>Image WebP</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>Removed file</source>
        <translation>Fichier supprimé</translation>
    </message>
    <message>
        <source>Name hidden</source>
        <translation>Nom masqué</translation>
    </message>
    <message>
        <source>Removed: content deleted</source>
        <translation>Supprimé&#xa0;: contenu effacé</translation>
    </message>
    <message>
        <source>Replaced by a newer file</source>
        <translation>Remplacé par un fichier plus récent</translation>
    </message>
    <message>
        <source>Current (replaces an earlier file)</source>
        <translation>Actuel (remplace un fichier antérieur)</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>Attach files to the case</source>
        <translation>Joindre des fichiers au dossier</translation>
    </message>
    <message>
        <source>Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.txt);;All files (*)</source>
        <translation>Numérisations, photos et documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>dropped image</source>
        <translation>image déposée</translation>
    </message>
    <message>
        <source>A copy was saved to %1. The copy is NOT encrypted: delete it when you no longer need it. Saving it was recorded in the audit log.</source>
        <translation>Une copie a été enregistrée dans %1. La copie n&apos;est PAS chiffrée&#xa0;: supprimez-la dès que vous n&apos;en avez plus besoin. L&apos;enregistrement a été inscrit au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Enregistrer une copie de la pièce jointe</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>Supprimer la pièce jointe</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the case?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;» du dossier&#xa0;?</translation>
    </message>
    <message>
        <source>Its content is deleted from the vault for good; only a record that it existed stays (category, size, who added it and when). This cannot be undone.</source>
        <translation>Son contenu est effacé du coffre définitivement&#xa0;; seule reste la trace de son existence (catégorie, taille, qui l&apos;a ajoutée et quand). Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Scanned papers and photos, stored encrypted inside the vault. Add them with &quot;Add…&quot; or by dropping files here. Opening one is recorded in the audit log, like revealing a name.</source>
        <translation>Documents numérisés et photos, enregistrés chiffrés dans le coffre. Ajoutez-les avec «&#xa0;Ajouter…&#xa0;» ou en déposant des fichiers ici. Chaque ouverture est inscrite au journal d&apos;audit, comme l&apos;affichage d&apos;un nom.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Show thumbnails</source>
        <translation>Afficher les miniatures</translation>
    </message>
    <message>
        <source>Shows a small picture of each image; each one shown is recorded in the audit log</source>
        <translation>Affiche une petite vue de chaque image&#xa0;; chaque image affichée est inscrite au journal d&apos;audit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Arriving: %1 of %2 parts</source>
        <translation>En cours de réception : %1 parties sur %2</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseFileWidget</name>
    <message>
        <source>Screening outcome: %1</source>
        <translation>Résultat de l&apos;évaluation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Portée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Scope: not known yet (add the citizenship and the countries of the events)</source>
        <translation>Portée&#xa0;: pas encore connue (ajoutez la nationalité et les pays des événements)</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineur</translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <source>Office %1</source>
        <translation>Bureau %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The case %1 has changes that are not saved.</source>
        <translation>Le dossier %1 contient des modifications non enregistrées.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>Voulez-vous les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Trafficking situation</source>
        <translation>Situation de traite</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>La personne</translation>
    </message>
    <message>
        <source>Palermo Protocol, article 3: an act, by a means, for the purpose of exploitation. For a minor the means are not required.</source>
        <translation>Protocole de Palerme, article 3&#xa0;: un acte, par un moyen, aux fins d&apos;exploitation. Pour un mineur, les moyens ne sont pas requis.</translation>
    </message>
    <message>
        <source>Save the changes of every tab (Ctrl+S)</source>
        <translation>Enregistrer les modifications de tous les onglets (Ctrl+S)</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Effacer…</translation>
    </message>
    <message>
        <source>Erase this case at the person&apos;s request, here and on every copy (cannot be undone)</source>
        <translation>Effacer ce dossier à la demande de la personne, ici et sur chaque copie (irréversible)</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseListModel</name>
    <message>
        <source>Minor</source>
        <translation>Mineur</translation>
    </message>
    <message>
        <source>Case code</source>
        <translation>Code du dossier</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Tranche d&apos;âge</translation>
    </message>
    <message>
        <source>Exploitation</source>
        <translation>Exploitation</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseListPage</name>
    <message>
        <source>Any caseworker</source>
        <translation>Tous les référents</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Dossiers&#xa0;: %1</translation>
    </message>
    <message>
        <source>Search by case code, name, alias or note text</source>
        <translation>Rechercher par code, nom, autre nom ou texte de note</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Any exploitation</source>
        <translation>Toutes les formes d&apos;exploitation</translation>
    </message>
    <message>
        <source>Minors and adults</source>
        <translation>Mineurs et adultes</translation>
    </message>
    <message>
        <source>Minors only</source>
        <translation>Mineurs uniquement</translation>
    </message>
    <message>
        <source>Adults only</source>
        <translation>Adultes uniquement</translation>
    </message>
    <message>
        <source>Any office</source>
        <translation>Tous les bureaux</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Enregistrés du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Exploitation type</source>
        <translation>Forme d&apos;exploitation</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Tranche d&apos;âge</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>abri::app::ConflictsDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Entered on this computer by %1, %2</source>
        <translation>Saisie sur cet ordinateur par %1, %2</translation>
    </message>
    <message>
        <source>Entered on another computer, %1</source>
        <translation>Saisie sur un autre ordinateur, %1</translation>
    </message>
    <message>
        <source>Deleted case</source>
        <translation>Dossier supprimé</translation>
    </message>
    <message>
        <source>Case %1 · %2</source>
        <translation>Dossier %1 · %2</translation>
    </message>
    <message>
        <source>Case %1 · %2 · %3</source>
        <translation>Dossier %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Autre valeur</translation>
    </message>
    <message>
        <source>Hidden (sensitive)</source>
        <translation>Masqué (sensible)</translation>
    </message>
    <message>
        <source>This record was deleted; there is nothing to choose.</source>
        <translation>Cet enregistrement a été supprimé&#xa0;; il n&apos;y a rien à choisir.</translation>
    </message>
    <message>
        <source>Conflict found %1</source>
        <translation>Conflit détecté le %1</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>Garder la valeur actuelle</translation>
    </message>
    <message>
        <source>Keep the current value. Your choice is sent to the hub like any other change.</source>
        <translation>Garder la valeur actuelle. Votre choix est envoyé au serveur central comme toute autre modification.</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Utiliser cette valeur</translation>
    </message>
    <message>
        <source>Replace the current value with this one. Your choice is sent to the hub like any other change.</source>
        <translation>Remplacer la valeur actuelle par celle-ci. Votre choix est envoyé au serveur central comme toute autre modification.</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show both values. Every reveal is recorded in the audit log.</source>
        <translation>Afficher les deux valeurs. Chaque affichage est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>These fields were changed on two computers before either had seen the other&apos;s change. The more recent change is the current value; the other one is kept here.</source>
        <translation>Ces champs ont été modifiés sur deux ordinateurs, chacun sans avoir vu la modification faite sur l&apos;autre. La modification la plus récente est la valeur actuelle&#xa0;; l&apos;autre est conservée ici.</translation>
    </message>
    <message>
        <source>Choose the value to keep: your choice is a new change, sent to the hub like any other.</source>
        <translation>Choisissez la valeur à garder&#xa0;: votre choix est une nouvelle modification, envoyée au serveur central comme toute autre.</translation>
    </message>
    <message>
        <source>Only a supervisor can choose the value to keep.</source>
        <translation>Seul un superviseur peut choisir la valeur à garder.</translation>
    </message>
    <message>
        <source>There are no conflicts.</source>
        <translation>Il n&apos;y a aucun conflit.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>abri::app::CrossTabDialog</name>
    <message>
        <source>None (a one-way table)</source>
        <translation>Aucune (tableau simple)</translation>
    </message>
    <message>
        <source>Tick at least one value to filter on.</source>
        <translation>Cochez au moins une valeur pour filtrer.</translation>
    </message>
    <message>
        <source>New cross-tab</source>
        <translation>Nouveau tableau croisé</translation>
    </message>
    <message>
        <source>Count persons by one dimension, or by two in a cross-tab, and keep only those matching the filters. The period is chosen on the Reports screen. Small counts are suppressed as in every report.</source>
        <translation>Comptez les personnes selon une dimension, ou deux dans un tableau croisé, et ne gardez que celles qui correspondent aux filtres. La période se choisit sur l&apos;écran Rapports. Les petits effectifs sont masqués comme dans tout rapport.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Filter on</source>
        <translation>Filtrer sur</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>Ajouter le filtre</translation>
    </message>
    <message>
        <source>Remove filter</source>
        <translation>Retirer le filtre</translation>
    </message>
    <message>
        <source>Name (to save)</source>
        <translation>Nom (pour enregistrer)</translation>
    </message>
    <message>
        <source>e.g. Labour sector by sex</source>
        <translation>p. ex. Secteur d&apos;activité par sexe</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>Afficher le rapport</translation>
    </message>
    <message>
        <source>Save and show</source>
        <translation>Enregistrer et afficher</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Filters of the report (a person must match each)</source>
        <translation>Filtres du rapport (une personne doit répondre à chacun)</translation>
    </message>
</context>
<context>
    <name>abri::app::DuplicateBadge</name>
    <message>
        <source>Duplicate of %1: the same person&apos;s case, which continues there</source>
        <translation>Doublon de %1 : le dossier de la même personne, qui se poursuit là-bas</translation>
    </message>
    <message>
        <source>Same person as %1 (merged at the hub)</source>
        <translation>Même personne que %1 (fusion faite au serveur central)</translation>
    </message>
    <message>
        <source>Possible duplicate of %1 (flagged at the hub)</source>
        <translation>Doublon possible de %1 (signalé par le serveur central)</translation>
    </message>
</context>
<context>
    <name>abri::app::EraseCaseDialog</name>
    <message>
        <source>Erase case %1</source>
        <translation>Effacer le dossier %1</translation>
    </message>
    <message>
        <source>Erase this case only when the person asked for their data to be erased. Everything of the case leaves this computer now, and the hub and every other computer of the office at their next sync: the profile, every record, note and attachment, and its history. This cannot be undone. The audit log keeps that the case was erased, by you, and when.</source>
        <translation>N&apos;effacez ce dossier que si la personne a demandé l&apos;effacement de ses données. Tout le dossier quitte cet ordinateur maintenant, puis le serveur central et chaque autre ordinateur du bureau à leur prochaine synchronisation : le profil, chaque fiche, note et pièce jointe, et son historique. C&apos;est irréversible. Le journal d&apos;audit garde que le dossier a été effacé, par vous, et quand.</translation>
    </message>
    <message>
        <source>Type the case code %1 to confirm:</source>
        <translation>Saisissez le code du dossier %1 pour confirmer :</translation>
    </message>
    <message>
        <source>Erase the case</source>
        <translation>Effacer le dossier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::FieldEditor</name>
    <message>
        <source>Not set</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>Effacer la date</translation>
    </message>
    <message>
        <source>Type to filter the list</source>
        <translation>Tapez pour filtrer la liste</translation>
    </message>
    <message>
        <source>Separate several entries with ;</source>
        <translation>Séparez plusieurs entrées par&#xa0;;</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Coordonnée</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Ajouter un document</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Ajouter une coordonnée</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Non attribué</translation>
    </message>
</context>
<context>
    <name>abri::app::FieldForm</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Hidden (sensitive)</source>
        <translation>Masqué (sensible)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show this value. Every reveal is recorded in the audit log.</source>
        <translation>Afficher cette valeur. Chaque affichage est consigné dans le journal d&apos;audit.</translation>
    </message>
</context>
<context>
    <name>abri::app::FirstRunPage</name>
    <message>
        <source>Enter the office code and a user name.</source>
        <translation>Saisissez le code du bureau et un nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Welcome to Abri</source>
        <translation>Bienvenue dans Abri</translation>
    </message>
    <message>
        <source>Abri keeps case files in an encrypted vault on this computer. Create the vault and its first administrator. The administrator manages user accounts; caseworkers and supervisors are added afterwards.</source>
        <translation>Abri conserve les dossiers dans un coffre chiffré sur cet ordinateur. Créez le coffre et son premier administrateur. L&apos;administrateur gère les comptes des utilisateurs&#xa0;; les travailleurs sociaux et les superviseurs sont ajoutés ensuite.</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>Code du bureau</translation>
    </message>
    <message>
        <source>for example TUN-SFX</source>
        <translation>par exemple TUN-SFX</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Nom d&apos;utilisateur de l&apos;administrateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Créer le coffre</translation>
    </message>
    <message>
        <source>Vault file: %1</source>
        <translation>Fichier du coffre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>If every administrator forgets their password, this key is the only way to open the vault. Write it on paper now and keep it in a locked place, away from this computer. It will not be shown again.</source>
        <translation>Si tous les administrateurs oublient leur mot de passe, cette clé est le seul moyen d&apos;ouvrir le coffre. Recopiez-la maintenant sur papier et gardez-la dans un endroit fermé à clé, loin de cet ordinateur. Elle ne sera plus jamais affichée.</translation>
    </message>
    <message>
        <source>I have written down the recovery key and stored it safely</source>
        <translation>J&apos;ai recopié la clé de récupération et je l&apos;ai rangée en lieu sûr</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>abri::app::HistorySection</name>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Sensitive value revealed</source>
        <translation>Valeur sensible affichée</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Dossier ouvert</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Every change and every reveal of a sensitive value, newest first. Values are not shown.</source>
        <translation>Chaque modification et chaque affichage d&apos;une valeur sensible, du plus récent au plus ancien. Les valeurs ne sont pas montrées.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Another laptop</source>
        <translation>Un autre ordinateur</translation>
    </message>
    <message>
        <source>%1, office %2</source>
        <comment>who made a change that arrived by sync: laptop label, office code</comment>
        <translation>%1, bureau %2</translation>
    </message>
</context>
<context>
    <name>abri::app::ItemDialog</name>
    <message>
        <source>Reveal this value first, so that the correction keeps it.</source>
        <translation>Affichez d&apos;abord cette valeur pour que la correction la conserve.</translation>
    </message>
    <message>
        <source>Add: %1</source>
        <translation>Ajouter&#xa0;: %1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Modifier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Correct: %1</source>
        <translation>Corriger&#xa0;: %1</translation>
    </message>
    <message>
        <source>Records of this kind are never overwritten. Your correction is saved as a new record that replaces this one; the original stays in the history.</source>
        <translation>Les enregistrements de ce type ne sont jamais écrasés. Votre correction est enregistrée comme un nouvel enregistrement qui remplace celui-ci&#xa0;; l&apos;original reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::ItemSection</name>
    <message>
        <source>Delete this record? It stays in the case history.</source>
        <translation>Supprimer cet enregistrement&#xa0;? Il reste dans l&apos;historique du dossier.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>Corrected by a later record</source>
        <translation>Corrigé par un enregistrement ultérieur</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation>(corrigé)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Where and when the person was recruited, moved and exploited. The countries decide whether the case is international.</source>
        <translation>Où et quand la personne a été recrutée, déplacée et exploitée. Les pays déterminent si le dossier est international.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>What the person agreed to. Referrals and transfers to partners need a data-sharing consent that has not been withdrawn.</source>
        <translation>Ce que la personne a accepté. Les orientations et transferts vers des partenaires exigent un consentement au partage des données qui n&apos;a pas été retiré.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Prestations</translation>
    </message>
    <message>
        <source>Assistance provided or planned. Records are never overwritten: use Correct to replace one.</source>
        <translation>Assistance fournie ou prévue. Les enregistrements ne sont jamais écrasés&#xa0;: utilisez Corriger pour en remplacer un.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Referrals to and from partner organisations.</source>
        <translation>Orientations vers et depuis des organisations partenaires.</translation>
    </message>
    <message>
        <source>Transfers between offices</source>
        <translation>Transferts entre bureaux</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>abri::app::LanguageSelector</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>abri::app::MainWindow</name>
    <message>
        <source>Recovery session</source>
        <translation>Session de récupération</translation>
    </message>
    <message>
        <source>The vault was opened with the recovery key. You can reset a password; case files are not shown. Lock when you are done.</source>
        <translation>Le coffre a été ouvert avec la clé de récupération. Vous pouvez réinitialiser un mot de passe&#xa0;; les dossiers ne sont pas affichés. Verrouillez une fois terminé.</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Gérer les utilisateurs…</translation>
    </message>
    <message>
        <source>About Abri</source>
        <translation>À propos d&apos;Abri</translation>
    </message>
    <message>
        <source>Abri %1
Offline-first case management for organisations assisting victims of human trafficking.
Case data stays encrypted on this computer.</source>
        <translation>Abri %1
Gestion des dossiers conçue pour fonctionner hors ligne, pour les organisations qui accompagnent les victimes de la traite des êtres humains.
Les données des dossiers restent chiffrées sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The vault cannot be opened</source>
        <translation>Impossible d&apos;ouvrir le coffre</translation>
    </message>
    <message>
        <source>Recovery session · office %1</source>
        <translation>Session de récupération · bureau %1</translation>
    </message>
    <message>
        <source>%1 (%2) · office %3</source>
        <translation>%1 (%2) · bureau %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Register a new case (Ctrl+N)</source>
        <translation>Enregistrer un nouveau dossier (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock Abri now and wipe the keys from memory (Ctrl+L)</source>
        <translation>Verrouiller Abri maintenant et effacer les clés de la mémoire (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Prepare the changes for the hub and apply the updates received from it (F5)</source>
        <translation>Préparer les modifications pour le serveur central et appliquer les mises à jour reçues de sa part (F5)</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflits…</translation>
    </message>
    <message>
        <source>Fields changed on two computers at the same time</source>
        <translation>Champs modifiés sur deux ordinateurs en même temps</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>Statistics on the cases, with small counts protected (Ctrl+R)</source>
        <translation>Statistiques sur les dossiers, petits effectifs protégés (Ctrl+R)</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>Write an encrypted copy of the vault to a file, e.g. on a USB stick</source>
        <translation>Écrire une copie chiffrée du coffre dans un fichier, par exemple sur une clé USB</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>Sauvegarder le coffre</translation>
    </message>
    <message>
        <source>Abri backups (*.abribackup)</source>
        <translation>Sauvegardes Abri (*.abribackup)</translation>
    </message>
    <message>
        <source>Backing up the vault…</source>
        <translation>Sauvegarde du coffre en cours…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Sauvegardé dans %1.</translation>
    </message>
    <message>
        <source>The vault was backed up to %1. The backup is encrypted like the vault and opens with the same passwords. Keep it somewhere safe, away from this computer.</source>
        <translation>Le coffre a été sauvegardé dans %1. La sauvegarde est chiffrée comme le coffre et s&apos;ouvre avec les mêmes mots de passe. Conservez-la en lieu sûr, loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>Days since the last backup: %1. Back up now</source>
        <translation>Jours depuis la dernière sauvegarde : %1. Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>This vault has never been backed up: back up now</source>
        <translation>Ce coffre n&apos;a jamais été sauvegardé : sauvegarder maintenant</translation>
    </message>
</context>
<context>
    <name>abri::app::NewCaseWizard</name>
    <message>
        <source>Screening outcome: %1. A case code is generated when you finish; the case starts with the status &quot;%2&quot;.</source>
        <translation>Résultat de l&apos;évaluation&#xa0;: %1. Un code de dossier est attribué à la fin&#xa0;; le dossier commence avec le statut «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Step 1 of 3: the elements of trafficking</source>
        <translation>Étape 1 sur 3&#xa0;: les éléments constitutifs de la traite</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>La personne</translation>
    </message>
    <message>
        <source>Step 2 of 3: what the person wants to tell</source>
        <translation>Étape 2 sur 3&#xa0;: ce que la personne souhaite dire</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Step 3 of 3: who follows the case</source>
        <translation>Étape 3 sur 3&#xa0;: qui suit le dossier</translation>
    </message>
    <message>
        <source>Every field is optional. A person may refuse to give their name; the case is identified by its code.</source>
        <translation>Tous les champs sont facultatifs. Une personne peut refuser de donner son nom&#xa0;; le dossier est identifié par son code.</translation>
    </message>
    <message>
        <source>Register the case</source>
        <translation>Enregistrer le dossier</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::NotesSection</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>corrects an earlier note</source>
        <translation>corrige une note précédente</translation>
    </message>
    <message>
        <source>replaced by a correction</source>
        <translation>remplacée par une correction</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Hidden: note texts are sensitive.</source>
        <translation>Masquée&#xa0;: le texte des notes est sensible.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Aucune note pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Correct the note</source>
        <translation>Corriger la note</translation>
    </message>
    <message>
        <source>The corrected note replaces this one; the original stays in the history.</source>
        <translation>La note corrigée remplace celle-ci&#xa0;; l&apos;original reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes cannot be edited or deleted. Write facts and decisions; a correction is added as a new note.</source>
        <translation>Les notes ne peuvent être ni modifiées ni supprimées. Consignez des faits et des décisions&#xa0;; une correction s&apos;ajoute comme une nouvelle note.</translation>
    </message>
    <message>
        <source>Reveal all notes</source>
        <translation>Afficher toutes les notes</translation>
    </message>
    <message>
        <source>Write a new note…</source>
        <translation>Rédiger une nouvelle note…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
</context>
<context>
    <name>abri::app::PasswordDialog</name>
    <message>
        <source>The two passwords are different.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Changer mon mot de passe</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>Réinitialiser un mot de passe</translation>
    </message>
    <message>
        <source>Choose a new password for %1. Use at least 10 characters; several words are easy to remember and hard to guess.</source>
        <translation>Choisissez un nouveau mot de passe pour %1. Utilisez au moins 10 caractères&#xa0;; plusieurs mots sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>Set a new password for %1 and give it to them in person. They can change it afterwards.</source>
        <translation>Définissez un nouveau mot de passe pour %1 et remettez-le-lui en main propre. Il pourra le changer ensuite.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Répétez le nouveau mot de passe</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Définir le mot de passe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>abri::app::PasswordStrengthMeter</name>
    <message>
        <source>Too short: at least %1 characters</source>
        <translation>Trop court&#xa0;: au moins %1 caractères</translation>
    </message>
    <message>
        <source>Weak: add more words or characters</source>
        <translation>Faible&#xa0;: ajoutez des mots ou des caractères</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Fort</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Très fort</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
</context>
<context>
    <name>abri::app::RefusalDialog</name>
    <message>
        <source>Changes refused by the hub</source>
        <translation>Modifications refusées par le serveur central</translation>
    </message>
    <message>
        <source>The hub did not accept the changes below. They are kept on this computer, and changes made after them wait until they are accepted.</source>
        <translation>Le serveur central n&apos;a pas accepté les modifications ci-dessous. Elles sont conservées sur cet ordinateur, et les modifications faites après elles attendent qu&apos;elles soient acceptées.</translation>
    </message>
    <message>
        <source>The hub has not refused any changes.</source>
        <translation>Le serveur central n&apos;a refusé aucune modification.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Refused changes, received %1</source>
        <translation>Modifications refusées (avis reçu le %1)</translation>
    </message>
    <message>
        <source>The hub&apos;s time: %1</source>
        <translation>Heure du serveur central&#xa0;: %1</translation>
    </message>
    <message>
        <source>Correct the date and time of this computer in the system settings, then send the changes again. They get new time stamps; nothing is lost.</source>
        <translation>Corrigez la date et l&apos;heure de cet ordinateur dans les paramètres du système, puis renvoyez les modifications. Elles reçoivent de nouveaux horodatages&#xa0;; rien n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Nothing can be done about this on this computer. Contact the hub operator.</source>
        <translation>Rien ne peut être fait à ce sujet sur cet ordinateur. Contactez l&apos;opérateur du serveur central.</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Code d&apos;erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Resend with corrected clock</source>
        <translation>Renvoyer avec l&apos;horloge corrigée</translation>
    </message>
    <message>
        <source>Give these changes new time stamps from this computer&apos;s clock and send them again</source>
        <translation>Donner à ces modifications de nouveaux horodatages selon l&apos;horloge de cet ordinateur, puis les renvoyer</translation>
    </message>
    <message>
        <source>This computer&apos;s time: %1</source>
        <translation>Heure de cet ordinateur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>abri::app::ReportsPage</name>
    <message>
        <source>Delete saved report</source>
        <translation>Supprimer le rapport enregistré</translation>
    </message>
    <message>
        <source>Delete the saved report “%1”? The cases are not affected.</source>
        <translation>Supprimer le rapport enregistré «&#xa0;%1&#xa0;»&#xa0;? Les dossiers ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exporter le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export all built-in reports as one PDF</source>
        <translation>Exporter tous les rapports intégrés en un seul PDF</translation>
    </message>
    <message>
        <source>Anonymised export for research</source>
        <translation>Export anonymisé pour la recherche</translation>
    </message>
    <message>
        <source>Built-in reports</source>
        <translation>Rapports intégrés</translation>
    </message>
    <message>
        <source>My reports</source>
        <translation>Mes rapports</translation>
    </message>
    <message>
        <source>None yet: build one with “New cross-tab…”</source>
        <translation>Aucun pour l&apos;instant&#xa0;: créez-en un avec «&#xa0;Nouveau tableau croisé…&#xa0;»</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>Diagramme en barres</translation>
    </message>
    <message>
        <source>Pie chart</source>
        <translation>Diagramme circulaire</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>The report could not be saved as %1. Choose another folder; nothing was written.</source>
        <translation>Le rapport n&apos;a pas pu être enregistré sous %1. Choisissez un autre dossier&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Running report %v of %m…</source>
        <translation>Rapport %v sur %m en cours…</translation>
    </message>
    <message>
        <source>The export could not be saved as %1. Choose another folder; nothing was written.</source>
        <translation>L&apos;export n&apos;a pas pu être enregistré sous %1. Choisissez un autre dossier&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Persons whose consent covers research: %1</source>
        <translation>Personnes dont le consentement couvre la recherche&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exportées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Withheld so that every combination occurs at least %1 times: %2</source>
        <translation>Retenues pour que chaque combinaison apparaisse au moins %1 fois&#xa0;: %2</translation>
    </message>
    <message>
        <source>Coarsened: %1</source>
        <translation>Généralisés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>New cross-tab…</source>
        <translation>Nouveau tableau croisé…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>Round to base 5</source>
        <translation>Arrondir à 5 près</translation>
    </message>
    <message>
        <source>Publish every count rounded to a multiple of 5, for an extra layer of protection.</source>
        <translation>Publier chaque effectif arrondi à un multiple de 5, pour une protection supplémentaire.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Rapport en CSV…</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>Rapport en PDF…</translation>
    </message>
    <message>
        <source>All built-in reports as one PDF…</source>
        <translation>Tous les rapports intégrés en un PDF…</translation>
    </message>
    <message>
        <source>Anonymised export for research…</source>
        <translation>Export anonymisé pour la recherche…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Tableau du rapport</translation>
    </message>
    <message>
        <source>Report chart</source>
        <translation>Graphique du rapport</translation>
    </message>
</context>
<context>
    <name>abri::app::ScreeningStep</name>
    <message>
        <source>The person is a minor: act and purpose are enough, the means are not required (Palermo Protocol, article 3(c)).</source>
        <translation>La personne est mineure&#xa0;: l&apos;acte et le but suffisent, les moyens ne sont pas requis (Protocole de Palerme, article 3, alinéa c).</translation>
    </message>
    <message>
        <source>For an adult, an act, a means and a purpose must all be present.</source>
        <translation>Pour un adulte, un acte, un moyen et un but doivent être réunis.</translation>
    </message>
    <message>
        <source>Tick &quot;Screening complete&quot; when no more information is expected.</source>
        <translation>Cochez «&#xa0;Évaluation terminée&#xa0;» lorsqu&apos;aucune autre information n&apos;est attendue.</translation>
    </message>
    <message>
        <source>Screen the situation against the definition of trafficking in the Palermo Protocol: an act, carried out by a means, for the purpose of exploitation. Tick everything the person describes; you can complete the screening later.</source>
        <translation>Évaluez la situation au regard de la définition de la traite du Protocole de Palerme&#xa0;: un acte, commis par un moyen, aux fins d&apos;exploitation. Cochez tout ce que la personne décrit&#xa0;; vous pourrez compléter l&apos;évaluation plus tard.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Palermo screening</source>
        <translation>Évaluation selon le Protocole de Palerme</translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation>Résultat de l&apos;évaluation</translation>
    </message>
</context>
<context>
    <name>abri::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Verrouiller après une inactivité de</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Abri locks itself and wipes its keys from memory when nobody touches the keyboard or mouse for this long. Ctrl+L locks at once.</source>
        <translation>Abri se verrouille et efface ses clés de la mémoire lorsque personne ne touche le clavier ni la souris pendant cette durée. Ctrl+L verrouille immédiatement.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Minimum cell size for reports</source>
        <translation>Taille minimale des cellules des rapports</translation>
    </message>
    <message>
        <source>Counts of fewer persons than this are suppressed in every report and export of this vault, so that nobody can be recognised. Applies to all users.</source>
        <translation>Les effectifs inférieurs à ce nombre sont masqués dans chaque rapport et export de ce coffre, pour que personne ne puisse être reconnu. S&apos;applique à tous les utilisateurs.</translation>
    </message>
    <message>
        <source>Remind me to back up after</source>
        <translation>Me rappeler de sauvegarder après</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
</context>
<context>
    <name>abri::app::SyncStatusWidget</name>
    <message>
        <source>Changes not sent: %1</source>
        <translation>Modifications non envoyées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not connected to a hub</source>
        <translation>Non relié à un serveur central</translation>
    </message>
    <message>
        <source>Connected to the hub</source>
        <translation>Connecté au serveur central</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>Connexion au serveur central…</translation>
    </message>
    <message>
        <source>Hub not reachable</source>
        <translation>Serveur central injoignable</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Refusé par le serveur central</translation>
    </message>
    <message>
        <source>Sync service not running</source>
        <translation>Service de synchronisation arrêté</translation>
    </message>
    <message>
        <source>Connection state unknown</source>
        <translation>État de la connexion inconnu</translation>
    </message>
    <message>
        <source>Receiving changes from the hub: %1 left</source>
        <translation>Réception des changements du serveur central&#xa0;: encore %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sync service reported an error this version of Abri does not know.</source>
        <translation>Le service de synchronisation a signalé une erreur que cette version d&apos;Abri ne connaît pas.</translation>
    </message>
    <message>
        <source>Changes are sent to the hub by the sync service whenever this computer has a connection, or on a sync drive.</source>
        <translation>Le service de synchronisation envoie les modifications au serveur central dès que cet ordinateur dispose d&apos;une connexion, ou via un support de synchronisation.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with a hub: changes stay in this vault until it is.</source>
        <translation>Cet ordinateur n&apos;est inscrit auprès d&apos;aucun serveur central&#xa0;: les modifications restent dans ce coffre jusqu&apos;à son inscription.</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflits&#xa0;: %1</translation>
    </message>
    <message>
        <source>Show the fields that were changed on two computers at the same time</source>
        <translation>Afficher les champs modifiés sur deux ordinateurs en même temps</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Code d&apos;erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changes refused by the hub: %1</source>
        <translation>Modifications refusées par le serveur central&#xa0;: %1</translation>
    </message>
    <message>
        <source>The hub refused changes because of this computer&apos;s clock. Show the hub&apos;s time and send them again</source>
        <translation>Le serveur central a refusé des modifications à cause de l&apos;horloge de cet ordinateur. Afficher l&apos;heure du serveur central et les renvoyer</translation>
    </message>
    <message>
        <source>Show the changes the hub refused and why</source>
        <translation>Afficher les modifications refusées par le serveur central et pourquoi</translation>
    </message>
    <message>
        <source>The hub cannot read the changes this computer sends, even sealed again. They are kept here and will be sent once the hub operator has fixed it.</source>
        <translation>Le serveur central ne parvient pas à lire les modifications envoyées par cet ordinateur, même scellées à nouveau. Elles sont conservées ici et seront envoyées dès que l&apos;opérateur du serveur central aura corrigé le problème.</translation>
    </message>
</context>
<context>
    <name>abri::app::UnlockPage</name>
    <message>
        <source>Abri is locked</source>
        <translation>Abri est verrouillé</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>As written on paper, with or without dashes</source>
        <translation>Telle qu&apos;écrite sur papier, avec ou sans tirets</translation>
    </message>
    <message>
        <source>Open with the recovery key</source>
        <translation>Ouvrir avec la clé de récupération</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Back to password</source>
        <translation>Revenir au mot de passe</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>Mot de passe oublié&#xa0;?</translation>
    </message>
    <message>
        <source>An administrator can open the vault with the recovery key to reset passwords.</source>
        <translation>Un administrateur peut ouvrir le coffre avec la clé de récupération pour réinitialiser les mots de passe.</translation>
    </message>
    <message>
        <source>Vault file: %1</source>
        <translation>Fichier du coffre&#xa0;: %1</translation>
    </message>
    <message>
        <source>Abri locked itself because nobody used it for a while. Case data stays encrypted.</source>
        <translation>Abri s&apos;est verrouillé faute d&apos;activité pendant un moment. Les données des dossiers restent chiffrées.</translation>
    </message>
</context>
<context>
    <name>abri::app::UsersDialog</name>
    <message>
        <source>Disable account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <source>Disable %1? Their password will no longer open the vault; an administrator can enable the account again with a new password.</source>
        <translation>Désactiver %1&#xa0;? Son mot de passe n&apos;ouvrira plus le coffre&#xa0;; un administrateur pourra réactiver le compte avec un nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>Réactiver…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Recovery session: you can reset passwords. Case data is not accessible.</source>
        <translation>Session de récupération&#xa0;: vous pouvez réinitialiser des mots de passe. Les données des dossiers ne sont pas accessibles.</translation>
    </message>
    <message>
        <source>Accounts of this vault. Disabling an account removes its key at once; its history stays.</source>
        <translation>Comptes de ce coffre. Désactiver un compte supprime sa clé immédiatement&#xa0;; son historique est conservé.</translation>
    </message>
    <message>
        <source>Accounts of this vault. You can change your own password.</source>
        <translation>Comptes de ce coffre. Vous pouvez changer votre propre mot de passe.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Changer mon mot de passe…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>abri::app::Workspace</name>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
</context>
</TS>
