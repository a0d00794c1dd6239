<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CodeLabels</name>
    <message>
        <source>Female</source>
        <comment>Gender</comment>
        <translation>أنثى</translation>
    </message>
    <message>
        <source>Male</source>
        <comment>Gender</comment>
        <translation>ذكر</translation>
    </message>
    <message>
        <source>Transgender / gender non-conforming</source>
        <comment>Gender</comment>
        <translation>عابر/ة للنوع الاجتماعي أو غير متوافق/ة معه</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Gender</comment>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Single</source>
        <comment>MaritalStatus</comment>
        <translation>أعزب/عزباء</translation>
    </message>
    <message>
        <source>Married</source>
        <comment>MaritalStatus</comment>
        <translation>متزوج/ة</translation>
    </message>
    <message>
        <source>Civil partnership</source>
        <comment>MaritalStatus</comment>
        <translation>شراكة مدنية</translation>
    </message>
    <message>
        <source>Living with a partner</source>
        <comment>MaritalStatus</comment>
        <translation>يعيش/تعيش مع شريك/ة</translation>
    </message>
    <message>
        <source>Separated</source>
        <comment>MaritalStatus</comment>
        <translation>منفصل/ة</translation>
    </message>
    <message>
        <source>Divorced</source>
        <comment>MaritalStatus</comment>
        <translation>مطلق/ة</translation>
    </message>
    <message>
        <source>Widowed</source>
        <comment>MaritalStatus</comment>
        <translation>أرمل/ة</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>MaritalStatus</comment>
        <translation>غير معروفة</translation>
    </message>
    <message>
        <source>No schooling</source>
        <comment>Education</comment>
        <translation>لم يلتحق/تلتحق بالمدرسة</translation>
    </message>
    <message>
        <source>Primary school</source>
        <comment>Education</comment>
        <translation>التعليم الابتدائي</translation>
    </message>
    <message>
        <source>Lower secondary school</source>
        <comment>Education</comment>
        <translation>التعليم الإعدادي</translation>
    </message>
    <message>
        <source>Upper secondary school</source>
        <comment>Education</comment>
        <translation>التعليم الثانوي</translation>
    </message>
    <message>
        <source>Vocational training</source>
        <comment>Education</comment>
        <translation>التكوين المهني</translation>
    </message>
    <message>
        <source>University or college</source>
        <comment>Education</comment>
        <translation>التعليم العالي</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Education</comment>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Phone</source>
        <comment>ContactType</comment>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <comment>ContactType</comment>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Postal address</source>
        <comment>ContactType</comment>
        <translation>العنوان البريدي</translation>
    </message>
    <message>
        <source>Messaging app</source>
        <comment>ContactType</comment>
        <translation>تطبيق مراسلة</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ContactType</comment>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Passport</source>
        <comment>IdentityDocumentType</comment>
        <translation>جواز السفر</translation>
    </message>
    <message>
        <source>National identity card</source>
        <comment>IdentityDocumentType</comment>
        <translation>بطاقة التعريف الوطنية</translation>
    </message>
    <message>
        <source>Birth certificate</source>
        <comment>IdentityDocumentType</comment>
        <translation>شهادة الميلاد</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <comment>IdentityDocumentType</comment>
        <translation>بطاقة الإقامة</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>IdentityDocumentType</comment>
        <translation>وثيقة أخرى</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>ScreeningAct</comment>
        <translation>التجنيد</translation>
    </message>
    <message>
        <source>Transport</source>
        <comment>ScreeningAct</comment>
        <translation>النقل</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>ScreeningAct</comment>
        <translation>التنقيل</translation>
    </message>
    <message>
        <source>Harbouring</source>
        <comment>ScreeningAct</comment>
        <translation>الإيواء</translation>
    </message>
    <message>
        <source>Receipt of persons</source>
        <comment>ScreeningAct</comment>
        <translation>استقبال الأشخاص</translation>
    </message>
    <message>
        <source>Threat</source>
        <comment>ScreeningMeans</comment>
        <translation>التهديد</translation>
    </message>
    <message>
        <source>Use of force</source>
        <comment>ScreeningMeans</comment>
        <translation>استعمال القوة</translation>
    </message>
    <message>
        <source>Coercion</source>
        <comment>ScreeningMeans</comment>
        <translation>القسر</translation>
    </message>
    <message>
        <source>Abduction</source>
        <comment>ScreeningMeans</comment>
        <translation>الاختطاف</translation>
    </message>
    <message>
        <source>Fraud</source>
        <comment>ScreeningMeans</comment>
        <translation>الاحتيال</translation>
    </message>
    <message>
        <source>Deception</source>
        <comment>ScreeningMeans</comment>
        <translation>الخداع</translation>
    </message>
    <message>
        <source>Abuse of power</source>
        <comment>ScreeningMeans</comment>
        <translation>استغلال السلطة</translation>
    </message>
    <message>
        <source>Abuse of a position of vulnerability</source>
        <comment>ScreeningMeans</comment>
        <translation>استغلال حالة استضعاف</translation>
    </message>
    <message>
        <source>Payments or benefits to a person in control</source>
        <comment>ScreeningMeans</comment>
        <translation>مبالغ مالية أو مزايا لشخص له سيطرة</translation>
    </message>
    <message>
        <source>Sexual exploitation</source>
        <comment>ExploitationType</comment>
        <translation>الاستغلال الجنسي</translation>
    </message>
    <message>
        <source>Forced labour</source>
        <comment>ExploitationType</comment>
        <translation>العمل القسري</translation>
    </message>
    <message>
        <source>Domestic servitude</source>
        <comment>ExploitationType</comment>
        <translation>الاستعباد المنزلي</translation>
    </message>
    <message>
        <source>Forced marriage</source>
        <comment>ExploitationType</comment>
        <translation>الزواج القسري</translation>
    </message>
    <message>
        <source>Forced criminality</source>
        <comment>ExploitationType</comment>
        <translation>الإكراه على ارتكاب الجرائم</translation>
    </message>
    <message>
        <source>Forced begging</source>
        <comment>ExploitationType</comment>
        <translation>التسول القسري</translation>
    </message>
    <message>
        <source>Organ removal</source>
        <comment>ExploitationType</comment>
        <translation>نزع الأعضاء</translation>
    </message>
    <message>
        <source>Slavery or servitude</source>
        <comment>ExploitationType</comment>
        <translation>الاسترقاق أو الاستعباد</translation>
    </message>
    <message>
        <source>Military exploitation</source>
        <comment>ExploitationType</comment>
        <translation>الاستغلال العسكري</translation>
    </message>
    <message>
        <source>Other exploitation</source>
        <comment>ExploitationType</comment>
        <translation>شكل آخر من الاستغلال</translation>
    </message>
    <message>
        <source>Job offer</source>
        <comment>RecruitmentMethod</comment>
        <translation>عرض عمل</translation>
    </message>
    <message>
        <source>Abduction</source>
        <comment>RecruitmentMethod</comment>
        <translation>الاختطاف</translation>
    </message>
    <message>
        <source>Through a family member</source>
        <comment>RecruitmentMethod</comment>
        <translation>عن طريق أحد أفراد العائلة</translation>
    </message>
    <message>
        <source>Through an intimate partner</source>
        <comment>RecruitmentMethod</comment>
        <translation>عن طريق شريك حميم</translation>
    </message>
    <message>
        <source>Marriage broker</source>
        <comment>RecruitmentMethod</comment>
        <translation>وسيط زواج</translation>
    </message>
    <message>
        <source>Internet or social media</source>
        <comment>RecruitmentMethod</comment>
        <translation>الإنترنت أو وسائل التواصل الاجتماعي</translation>
    </message>
    <message>
        <source>Smuggling arrangement</source>
        <comment>RecruitmentMethod</comment>
        <translation>ترتيب تهريب</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>RecruitmentMethod</comment>
        <translation>طريقة أخرى</translation>
    </message>
    <message>
        <source>Family member</source>
        <comment>RecruiterRelationship</comment>
        <translation>أحد أفراد العائلة</translation>
    </message>
    <message>
        <source>Intimate partner</source>
        <comment>RecruiterRelationship</comment>
        <translation>شريك حميم</translation>
    </message>
    <message>
        <source>Friend</source>
        <comment>RecruiterRelationship</comment>
        <translation>صديق/ة</translation>
    </message>
    <message>
        <source>Acquaintance</source>
        <comment>RecruiterRelationship</comment>
        <translation>أحد المعارف</translation>
    </message>
    <message>
        <source>Neighbour</source>
        <comment>RecruiterRelationship</comment>
        <translation>جار/ة</translation>
    </message>
    <message>
        <source>Employer</source>
        <comment>RecruiterRelationship</comment>
        <translation>صاحب العمل</translation>
    </message>
    <message>
        <source>Recruitment agency</source>
        <comment>RecruiterRelationship</comment>
        <translation>وكالة توظيف</translation>
    </message>
    <message>
        <source>Stranger</source>
        <comment>RecruiterRelationship</comment>
        <translation>شخص غريب</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>RecruiterRelationship</comment>
        <translation>علاقة أخرى</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>RecruiterRelationship</comment>
        <translation>غير معروفة</translation>
    </message>
    <message>
        <source>Debt bondage</source>
        <comment>ControlMeans</comment>
        <translation>عبودية الدَّين</translation>
    </message>
    <message>
        <source>Identity documents withheld</source>
        <comment>ControlMeans</comment>
        <translation>حجز وثائق الهوية</translation>
    </message>
    <message>
        <source>Threats</source>
        <comment>ControlMeans</comment>
        <translation>التهديدات</translation>
    </message>
    <message>
        <source>Threats against the family</source>
        <comment>ControlMeans</comment>
        <translation>تهديد العائلة</translation>
    </message>
    <message>
        <source>Physical abuse</source>
        <comment>ControlMeans</comment>
        <translation>الإيذاء الجسدي</translation>
    </message>
    <message>
        <source>Sexual abuse</source>
        <comment>ControlMeans</comment>
        <translation>الاعتداء الجنسي</translation>
    </message>
    <message>
        <source>Psychological abuse</source>
        <comment>ControlMeans</comment>
        <translation>الإيذاء النفسي</translation>
    </message>
    <message>
        <source>Restricted movement</source>
        <comment>ControlMeans</comment>
        <translation>تقييد حرية التنقل</translation>
    </message>
    <message>
        <source>Isolation</source>
        <comment>ControlMeans</comment>
        <translation>العزل</translation>
    </message>
    <message>
        <source>Earnings withheld</source>
        <comment>ControlMeans</comment>
        <translation>حجز الأجور</translation>
    </message>
    <message>
        <source>Food, sleep or care withheld</source>
        <comment>ControlMeans</comment>
        <translation>الحرمان من الطعام أو النوم أو الرعاية</translation>
    </message>
    <message>
        <source>Forced use of alcohol or drugs</source>
        <comment>ControlMeans</comment>
        <translation>الإجبار على تعاطي الكحول أو المخدرات</translation>
    </message>
    <message>
        <source>Excessive working hours</source>
        <comment>ControlMeans</comment>
        <translation>ساعات عمل مفرطة</translation>
    </message>
    <message>
        <source>False promises</source>
        <comment>ControlMeans</comment>
        <translation>وعود كاذبة</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ControlMeans</comment>
        <translation>وسيلة أخرى</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <comment>LabourSector</comment>
        <translation>الزراعة</translation>
    </message>
    <message>
        <source>Fishing</source>
        <comment>LabourSector</comment>
        <translation>الصيد البحري</translation>
    </message>
    <message>
        <source>Construction</source>
        <comment>LabourSector</comment>
        <translation>البناء</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <comment>LabourSector</comment>
        <translation>الصناعة التحويلية</translation>
    </message>
    <message>
        <source>Mining or quarrying</source>
        <comment>LabourSector</comment>
        <translation>المناجم أو المقالع</translation>
    </message>
    <message>
        <source>Domestic work</source>
        <comment>LabourSector</comment>
        <translation>العمل المنزلي</translation>
    </message>
    <message>
        <source>Hotels and restaurants</source>
        <comment>LabourSector</comment>
        <translation>الفنادق والمطاعم</translation>
    </message>
    <message>
        <source>Food processing</source>
        <comment>LabourSector</comment>
        <translation>الصناعات الغذائية</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <comment>LabourSector</comment>
        <translation>التنظيف</translation>
    </message>
    <message>
        <source>Retail</source>
        <comment>LabourSector</comment>
        <translation>تجارة التجزئة</translation>
    </message>
    <message>
        <source>Care work</source>
        <comment>LabourSector</comment>
        <translation>أعمال الرعاية</translation>
    </message>
    <message>
        <source>Transport and logistics</source>
        <comment>LabourSector</comment>
        <translation>النقل والخدمات اللوجستية</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <comment>LabourSector</comment>
        <translation>الترفيه</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>LabourSector</comment>
        <translation>قطاع آخر</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>EventType</comment>
        <translation>التجنيد</translation>
    </message>
    <message>
        <source>Transit</source>
        <comment>EventType</comment>
        <translation>العبور</translation>
    </message>
    <message>
        <source>Exploitation</source>
        <comment>EventType</comment>
        <translation>الاستغلال</translation>
    </message>
    <message>
        <source>Identification</source>
        <comment>EventType</comment>
        <translation>التعرّف على الضحية</translation>
    </message>
    <message>
        <source>Exit from the situation</source>
        <comment>EventType</comment>
        <translation>الخروج من الوضع</translation>
    </message>
    <message>
        <source>Assistance</source>
        <comment>ConsentScope</comment>
        <translation>المساعدة</translation>
    </message>
    <message>
        <source>Data sharing with a partner</source>
        <comment>ConsentScope</comment>
        <translation>مشاركة البيانات مع شريك</translation>
    </message>
    <message>
        <source>Research use</source>
        <comment>ConsentScope</comment>
        <translation>الاستخدام لأغراض البحث</translation>
    </message>
    <message>
        <source>Accommodation / shelter</source>
        <comment>ServiceType</comment>
        <translation>الإيواء / دار الإيواء</translation>
    </message>
    <message>
        <source>Medical care</source>
        <comment>ServiceType</comment>
        <translation>الرعاية الطبية</translation>
    </message>
    <message>
        <source>Psychosocial support</source>
        <comment>ServiceType</comment>
        <translation>الدعم النفسي والاجتماعي</translation>
    </message>
    <message>
        <source>Legal assistance</source>
        <comment>ServiceType</comment>
        <translation>المساعدة القانونية</translation>
    </message>
    <message>
        <source>Education or vocational training</source>
        <comment>ServiceType</comment>
        <translation>التعليم أو التكوين المهني</translation>
    </message>
    <message>
        <source>Family tracing</source>
        <comment>ServiceType</comment>
        <translation>البحث عن العائلة</translation>
    </message>
    <message>
        <source>Return</source>
        <comment>ServiceType</comment>
        <translation>العودة</translation>
    </message>
    <message>
        <source>Reintegration</source>
        <comment>ServiceType</comment>
        <translation>إعادة الإدماج</translation>
    </message>
    <message>
        <source>Resettlement</source>
        <comment>ServiceType</comment>
        <translation>إعادة التوطين</translation>
    </message>
    <message>
        <source>Financial assistance</source>
        <comment>ServiceType</comment>
        <translation>المساعدة المالية</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>ServiceStatus</comment>
        <translation>مخطط لها</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <comment>ServiceStatus</comment>
        <translation>جارية</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>ServiceStatus</comment>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Refused by the person</source>
        <comment>ServiceStatus</comment>
        <translation>رفضها الشخص</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>ServiceStatus</comment>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Incoming</source>
        <comment>ReferralDirection</comment>
        <translation>واردة</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <comment>ReferralDirection</comment>
        <translation>صادرة</translation>
    </message>
    <message>
        <source>Requested</source>
        <comment>ReferralStatus</comment>
        <translation>مطلوبة</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>ReferralStatus</comment>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Declined</source>
        <comment>ReferralStatus</comment>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>ReferralStatus</comment>
        <translation>منجزة</translation>
    </message>
    <message>
        <source>Registered</source>
        <comment>CaseStatus</comment>
        <translation>مسجلة</translation>
    </message>
    <message>
        <source>Under assistance</source>
        <comment>CaseStatus</comment>
        <translation>قيد المساعدة</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <comment>CaseStatus</comment>
        <translation>قيد المتابعة</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>CaseStatus</comment>
        <translation>مغلقة</translation>
    </message>
    <message>
        <source>Closed (referred)</source>
        <comment>CaseStatus</comment>
        <translation>مغلقة (أُحيلت)</translation>
    </message>
    <message>
        <source>Assistance completed</source>
        <comment>ClosureReason</comment>
        <translation>اكتملت المساعدة</translation>
    </message>
    <message>
        <source>Referred to another organisation</source>
        <comment>ClosureReason</comment>
        <translation>أُحيلت إلى منظمة أخرى</translation>
    </message>
    <message>
        <source>Returned home</source>
        <comment>ClosureReason</comment>
        <translation>عاد/ت إلى الديار</translation>
    </message>
    <message>
        <source>The person declined further assistance</source>
        <comment>ClosureReason</comment>
        <translation>رفض الشخص مواصلة المساعدة</translation>
    </message>
    <message>
        <source>Contact lost</source>
        <comment>ClosureReason</comment>
        <translation>انقطع الاتصال</translation>
    </message>
    <message>
        <source>Not a victim of trafficking</source>
        <comment>ClosureReason</comment>
        <translation>ليس ضحية للاتجار</translation>
    </message>
    <message>
        <source>Deceased</source>
        <comment>ClosureReason</comment>
        <translation>الوفاة</translation>
    </message>
    <message>
        <source>Duplicate case</source>
        <comment>ClosureReason</comment>
        <translation>حالة مكررة</translation>
    </message>
    <message>
        <source>Other</source>
        <comment>ClosureReason</comment>
        <translation>سبب آخر</translation>
    </message>
    <message>
        <source>Presumed victim</source>
        <comment>ScreeningOutcome</comment>
        <translation>ضحية مفترضة</translation>
    </message>
    <message>
        <source>Not a victim</source>
        <comment>ScreeningOutcome</comment>
        <translation>ليس ضحية</translation>
    </message>
    <message>
        <source>Screening pending</source>
        <comment>ScreeningOutcome</comment>
        <translation>الفحص قيد الانتظار</translation>
    </message>
    <message>
        <source>Event</source>
        <comment>ItemKind</comment>
        <translation>حدث</translation>
    </message>
    <message>
        <source>Consent</source>
        <comment>ItemKind</comment>
        <translation>موافقة</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>ItemKind</comment>
        <translation>خدمة</translation>
    </message>
    <message>
        <source>Referral</source>
        <comment>ItemKind</comment>
        <translation>إحالة</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>ItemKind</comment>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Transfer</source>
        <comment>ItemKind</comment>
        <translation>نقل الملف</translation>
    </message>
    <message>
        <source>The person had no real and acceptable alternative but to submit.</source>
        <translation>لم يكن أمام الشخص بديل حقيقي ومقبول سوى الخضوع.</translation>
    </message>
    <message>
        <source>Giving or receiving payments or benefits to obtain the consent of a person having control over another person.</source>
        <translation>إعطاء أو تلقي مبالغ مالية أو مزايا لنيل موافقة شخص له سيطرة على شخص آخر.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Abri: case management for organisations assisting victims of human trafficking.</source>
        <translation>أبري: إدارة الحالات للمنظمات التي تساعد ضحايا الاتجار بالأشخاص.</translation>
    </message>
    <message>
        <source>Open the vault stored in &lt;path&gt; instead of the default one.</source>
        <translation>فتح الخزنة المحفوظة في &lt;path&gt; بدلًا من الخزنة الافتراضية.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>المسار</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>International</source>
        <translation>دولية</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>داخلية</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>No vault was found at %1.</source>
        <translation>لم يُعثر على أي خزنة في %1.</translation>
    </message>
    <message>
        <source>A vault already exists at %1. It was left untouched.</source>
        <translation>توجد خزنة بالفعل في %1. لم يُمَسّ بها.</translation>
    </message>
    <message>
        <source>The vault %1 is damaged or is not an Abri vault. Nothing was changed; restore it from a backup.</source>
        <translation>الخزنة %1 تالفة أو ليست خزنة أبري. لم يُغيَّر أي شيء؛ استرجعها من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The vault %1 was created by a newer version of Abri. Install the newer version to open it; nothing was changed.</source>
        <translation>أُنشئت الخزنة %1 بإصدار أحدث من أبري. ثبّت الإصدار الأحدث لفتحها؛ لم يُغيَّر أي شيء.</translation>
    </message>
    <message>
        <source>The key file %1 that belongs to the vault is missing. Restore it from a backup.</source>
        <translation>ملف المفاتيح %1 التابع للخزنة مفقود. استرجعه من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>The key file %1 is damaged. Restore it from a backup.</source>
        <translation>ملف المفاتيح %1 تالف. استرجعه من نسخة احتياطية.</translation>
    </message>
    <message>
        <source>This installation of Abri is broken: the encrypted database library is missing. Reinstall Abri.</source>
        <translation>تثبيت أبري هذا معطوب: مكتبة قاعدة البيانات المشفرة مفقودة. أعد تثبيت أبري.</translation>
    </message>
    <message>
        <source>Wrong password. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>كلمة المرور غير صحيحة. تحقّق من لغة لوحة المفاتيح ومن زر الأحرف الكبيرة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>This recovery key does not open the vault. Check each group of characters.</source>
        <translation>مفتاح الاسترداد هذا لا يفتح الخزنة. تحقّق من كل مجموعة من الأحرف.</translation>
    </message>
    <message>
        <source>There is no user named %1 in this vault.</source>
        <translation>لا يوجد مستخدم باسم %1 في هذه الخزنة.</translation>
    </message>
    <message>
        <source>The account %1 is disabled. Ask an administrator to enable it.</source>
        <translation>الحساب %1 معطّل. اطلب من مدير النظام تفعيله.</translation>
    </message>
    <message>
        <source>A user named %1 already exists.</source>
        <translation>يوجد مستخدم باسم %1 بالفعل.</translation>
    </message>
    <message>
        <source>This password is too weak. Use at least 10 characters; a short sentence is easy to remember.</source>
        <translation>كلمة المرور هذه ضعيفة جدًا. استخدم 10 أحرف على الأقل؛ الجملة القصيرة سهلة التذكر.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>الخزنة مقفلة. افتح قفلها للمتابعة.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>دورك لا يسمح بهذا الإجراء.</translation>
    </message>
    <message>
        <source>Abri could not read or write %1.</source>
        <translation>تعذّر على أبري قراءة %1 أو الكتابة فيه.</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ؛ لم يُحفظ أي شيء. حرّر بعض المساحة وأعد المحاولة.</translation>
    </message>
    <message>
        <source>The vault is in use by another Abri window or program. Close it and try again.</source>
        <translation>الخزنة قيد الاستخدام في نافذة أو برنامج آخر لأبري. أغلقه وأعد المحاولة.</translation>
    </message>
    <message>
        <source>The vault reported an internal database error; nothing was saved.</source>
        <translation>أبلغت الخزنة عن خطأ داخلي في قاعدة البيانات؛ لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>The file %1 is not valid JSON.</source>
        <translation>الملف %1 ليس بصيغة JSON صحيحة.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>الحقل «%1» إلزامي.</translation>
    </message>
    <message>
        <source>The field %1 is not known to this version of Abri.</source>
        <translation>الحقل %1 غير معروف في هذا الإصدار من أبري.</translation>
    </message>
    <message>
        <source>This value is not valid for %1.</source>
        <translation>هذه القيمة غير صالحة للحقل «%1».</translation>
    </message>
    <message>
        <source>Choose a value from the list for %1.</source>
        <translation>اختر قيمة من القائمة للحقل «%1».</translation>
    </message>
    <message>
        <source>%1 is not a valid date.</source>
        <translation>«%1» ليس تاريخًا صالحًا.</translation>
    </message>
    <message>
        <source>%1 cannot be in the future.</source>
        <translation>لا يمكن أن يكون «%1» في المستقبل.</translation>
    </message>
    <message>
        <source>The value of %1 is out of range.</source>
        <translation>قيمة «%1» خارج النطاق المسموح به.</translation>
    </message>
    <message>
        <source>The case cannot move directly to this status.</source>
        <translation>لا يمكن أن تنتقل الحالة مباشرة إلى هذا الوضع.</translation>
    </message>
    <message>
        <source>The person has not consented to sharing their data; record a data-sharing consent first.</source>
        <translation>لم يوافق الشخص على مشاركة بياناته؛ سجّل أولًا موافقة على مشاركة البيانات.</translation>
    </message>
    <message>
        <source>This record no longer exists; it may have been deleted.</source>
        <translation>هذا السجل لم يعد موجودًا؛ ربما حُذف.</translation>
    </message>
    <message>
        <source>This record cannot be changed; add a correction instead.</source>
        <translation>لا يمكن تعديل هذا السجل؛ أضف تصحيحًا بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The audit log has been tampered with. Contact your administrator.</source>
        <translation>تم العبث بسجل التدقيق. اتصل بمدير النظام.</translation>
    </message>
    <message>
        <source>Entries are missing from the end of the audit log. Contact your administrator.</source>
        <translation>هناك قيود مفقودة من نهاية سجل التدقيق. اتصل بمدير النظام.</translation>
    </message>
    <message>
        <source>An unexpected error occurred; nothing was saved.</source>
        <translation>حدث خطأ غير متوقع؛ لم يُحفظ أي شيء.</translation>
    </message>
    <message>
        <source>The connection to the hub failed because of a communication error. The sync service will try again.</source>
        <translation>فشل الاتصال بالمركز بسبب خطأ في تبادل البيانات. ستعيد خدمة المزامنة المحاولة.</translation>
    </message>
    <message>
        <source>The hub uses a newer sync protocol. Install the newer version of Abri on this computer.</source>
        <translation>يستخدم المركز بروتوكول مزامنة أحدث. ثبّت الإصدار الأحدث من أبري على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The hub did not answer in time. The sync service will try again.</source>
        <translation>لم يستجب المركز في الوقت المحدد. ستعيد خدمة المزامنة المحاولة.</translation>
    </message>
    <message>
        <source>The hub is busy. The sync service will try again later.</source>
        <translation>المركز مشغول. ستعيد خدمة المزامنة المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>The hub is restarting. The sync service will try again later.</source>
        <translation>المركز قيد إعادة التشغيل. ستعيد خدمة المزامنة المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>A newer connection from this computer to the hub replaced this one.</source>
        <translation>استُبدل هذا الاتصال باتصال أحدث من هذا الحاسوب بالمركز.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with the hub. Enrol it again with a new token.</source>
        <translation>هذا الحاسوب غير مسجَّل لدى المركز. سجّله من جديد باستخدام رمز تسجيل جديد.</translation>
    </message>
    <message>
        <source>The hub has withdrawn this computer&apos;s access. Contact the hub operator.</source>
        <translation>سحب المركز صلاحية وصول هذا الحاسوب. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>This computer&apos;s enrolment has expired. Enrol it again with a new token.</source>
        <translation>انتهت صلاحية تسجيل هذا الحاسوب. سجّله من جديد باستخدام رمز تسجيل جديد.</translation>
    </message>
    <message>
        <source>The hub did not recognise this computer&apos;s key. Contact the hub operator.</source>
        <translation>لم يتعرّف المركز على مفتاح هذا الحاسوب. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>The server is not the hub this computer was enrolled with. Nothing was sent.</source>
        <translation>هذا الخادم ليس المركز الذي سُجّل لديه هذا الحاسوب. لم يُرسَل أي شيء.</translation>
    </message>
    <message>
        <source>The hub has set this computer&apos;s changes aside for checking. Contact the hub operator.</source>
        <translation>وضع المركز تغييرات هذا الحاسوب جانبًا للتحقق منها. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>The enrolment token is not valid.</source>
        <translation>رمز التسجيل غير صالح.</translation>
    </message>
    <message>
        <source>The enrolment token has expired. Ask the hub operator for a new one.</source>
        <translation>انتهت صلاحية رمز التسجيل. اطلب رمزًا جديدًا من مشغّل المركز.</translation>
    </message>
    <message>
        <source>The enrolment token has already been used. Ask the hub operator for a new one.</source>
        <translation>سبق استخدام رمز التسجيل هذا. اطلب رمزًا جديدًا من مشغّل المركز.</translation>
    </message>
    <message>
        <source>The enrolment token is incomplete or mistyped. Check each character.</source>
        <translation>رمز التسجيل ناقص أو مكتوب بشكل خاطئ. تحقّق من كل حرف.</translation>
    </message>
    <message>
        <source>The enrolment token is for another office.</source>
        <translation>رمز التسجيل مخصّص لمكتب آخر.</translation>
    </message>
    <message>
        <source>This computer is already enrolled with the hub.</source>
        <translation>هذا الحاسوب مسجَّل لدى المركز بالفعل.</translation>
    </message>
    <message>
        <source>The hub refused the enrolment request. Contact the hub operator.</source>
        <translation>رفض المركز طلب التسجيل. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>A sync file was damaged or was not meant for this computer. It was set aside and will be fetched again.</source>
        <translation>كان أحد ملفات المزامنة تالفًا أو غير موجَّه إلى هذا الحاسوب. وُضع جانبًا وسيُجلب من جديد.</translation>
    </message>
    <message>
        <source>A sync file was written by a newer version of Abri. Install the newer version on this computer.</source>
        <translation>أُنشئ أحد ملفات المزامنة بإصدار أحدث من أبري. ثبّت الإصدار الأحدث على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>A sync file failed its signature check. It was set aside and will be fetched again.</source>
        <translation>فشل أحد ملفات المزامنة في التحقق من التوقيع. وُضع جانبًا وسيُجلب من جديد.</translation>
    </message>
    <message>
        <source>The hub is missing earlier changes from this computer. They will be sent again.</source>
        <translation>تنقص المركزَ تغييراتٌ سابقة من هذا الحاسوب. ستُرسَل من جديد.</translation>
    </message>
    <message>
        <source>The hub received two different histories from this computer (was the vault restored from a backup?) and set its changes aside. Contact the hub operator.</source>
        <translation>تلقّى المركز تسلسلين مختلفين من التغييرات من هذا الحاسوب (هل استُرجعت الخزنة من نسخة احتياطية؟) فوضع تغييراته جانبًا. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>These changes had already reached the hub.</source>
        <translation>كانت هذه التغييرات قد وصلت إلى المركز من قبل.</translation>
    </message>
    <message>
        <source>The hub refused changes for an office this computer is not enrolled for.</source>
        <translation>رفض المركز تغييرات تخص مكتبًا لم يُسجَّل له هذا الحاسوب.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is too far ahead, so the hub refused its changes. Correct the date and time.</source>
        <translation>ساعة هذا الحاسوب متقدّمة كثيرًا، لذا رفض المركز تغييراته. صحّح التاريخ والوقت.</translation>
    </message>
    <message>
        <source>This computer&apos;s date is wrong, so the hub refused its changes. Correct the date and time.</source>
        <translation>تاريخ هذا الحاسوب غير صحيح، لذا رفض المركز تغييراته. صحّح التاريخ والوقت.</translation>
    </message>
    <message>
        <source>The hub refused a change to a case this office has no access to.</source>
        <translation>رفض المركز تعديلًا على حالة لا يحق لهذا المكتب الوصول إليها.</translation>
    </message>
    <message>
        <source>The hub refused a change that this computer&apos;s role does not allow.</source>
        <translation>رفض المركز تعديلًا لا يسمح به دور هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The hub refused a case registered for another office.</source>
        <translation>رفض المركز حالة مسجَّلة لمكتب آخر.</translation>
    </message>
    <message>
        <source>The hub refused a change to a record it does not have.</source>
        <translation>رفض المركز تعديلًا على سجل غير موجود لديه.</translation>
    </message>
    <message>
        <source>The hub refused a record that it already has.</source>
        <translation>رفض المركز سجلًا موجودًا لديه بالفعل.</translation>
    </message>
    <message>
        <source>The hub refused a change filed under the wrong case.</source>
        <translation>رفض المركز تعديلًا مُدرجًا تحت حالة خاطئة.</translation>
    </message>
    <message>
        <source>The hub refused a change to a field that cannot be changed.</source>
        <translation>رفض المركز تعديل حقل لا يمكن تعديله.</translation>
    </message>
    <message>
        <source>The hub refused a change to a record that can only be corrected.</source>
        <translation>رفض المركز تعديل سجل لا يمكن إلا تصحيحه.</translation>
    </message>
    <message>
        <source>The hub refused a field it does not know. The hub may need an update.</source>
        <translation>رفض المركز حقلًا لا يعرفه. قد يحتاج المركز إلى تحديث.</translation>
    </message>
    <message>
        <source>The hub refused a value it considers not valid.</source>
        <translation>رفض المركز قيمة يعتبرها غير صالحة.</translation>
    </message>
    <message>
        <source>The hub refused to send this computer the data of another office.</source>
        <translation>رفض المركز إرسال بيانات مكتب آخر إلى هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The hub has less data than this computer expected (was it restored from a backup?). Contact the hub operator.</source>
        <translation>لدى المركز بيانات أقل مما توقّعه هذا الحاسوب (هل استُرجع من نسخة احتياطية؟). اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>Waiting for earlier updates from the hub.</source>
        <translation>في انتظار تحديثات سابقة من المركز.</translation>
    </message>
    <message>
        <source>An update meant for another computer was found and set aside.</source>
        <translation>عُثر على تحديث موجَّه إلى حاسوب آخر فوُضع جانبًا.</translation>
    </message>
    <message>
        <source>Downloads are paused because many updates are waiting. Keep Abri unlocked for a moment so that they are applied.</source>
        <translation>التنزيلات متوقفة مؤقتًا لأن تحديثات كثيرة بانتظار التطبيق. أبقِ أبري مفتوح القفل لبعض الوقت حتى تُطبَّق.</translation>
    </message>
    <message>
        <source>An attachment is not available from the hub yet. The sync service will ask for it again.</source>
        <translation>مرفق غير متاح على المحور بعد. ستطلبه خدمة المزامنة مرة أخرى.</translation>
    </message>
    <message>
        <source>Today&apos;s attachment allowance for this office is used up. Case changes still sync; attachments continue tomorrow.</source>
        <translation>نفدت حصة المرفقات لهذا المكتب اليوم. تستمر مزامنة تغييرات الملفات؛ وتُستأنف المرفقات غدًا.</translation>
    </message>
    <message>
        <source>The sync failed for an unknown reason. The sync service will try again.</source>
        <translation>فشلت المزامنة لسبب غير معروف. ستعيد خدمة المزامنة المحاولة.</translation>
    </message>
    <message>
        <source>The minimum cell size must be between 5 and 1000: smaller counts could reveal who the persons are.</source>
        <translation>يجب أن يكون الحد الأدنى لحجم الخلية بين 5 و1000: فالأعداد الأصغر قد تكشف هوية الأشخاص.</translation>
    </message>
    <message>
        <source>The start of the period is after its end.</source>
        <translation>بداية الفترة تقع بعد نهايتها.</translation>
    </message>
    <message>
        <source>Choose a different dimension for the columns than for the rows.</source>
        <translation>اختر للأعمدة بُعدًا غير بُعد الصفوف.</translation>
    </message>
    <message>
        <source>A filter of the report holds a value this dimension does not have; choose the values from the list again.</source>
        <translation>يحتوي أحد مرشحات التقرير على قيمة لا يتضمنها هذا البُعد؛ اختر القيم من القائمة مرة أخرى.</translation>
    </message>
    <message>
        <source>Give the report a name to save it.</source>
        <translation>أعطِ التقرير اسمًا لحفظه.</translation>
    </message>
    <message>
        <source>This saved report no longer exists.</source>
        <translation>هذا التقرير المحفوظ لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>Report rows</source>
        <translation>صفوف التقرير</translation>
    </message>
    <message>
        <source>Report columns</source>
        <translation>أعمدة التقرير</translation>
    </message>
    <message>
        <source>Report name</source>
        <translation>اسم التقرير</translation>
    </message>
    <message>
        <source>Start of the period</source>
        <translation>بداية الفترة</translation>
    </message>
    <message>
        <source>End of the period</source>
        <translation>نهاية الفترة</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>Minimum cell size</source>
        <translation>الحد الأدنى لحجم الخلية</translation>
    </message>
    <message>
        <source>Report filter</source>
        <translation>مرشح التقرير</translation>
    </message>
    <message>
        <source>A file named %1 already exists. Choose another name; nothing was written.</source>
        <translation>يوجد ملف باسم %1 بالفعل. اختر اسمًا آخر؛ لم يُكتب أي شيء.</translation>
    </message>
    <message>
        <source>The backup %1 is damaged or is not an Abri backup. Nothing was changed.</source>
        <translation>النسخة الاحتياطية %1 تالفة أو ليست نسخة احتياطية من Abri. لم يتغير أي شيء.</translation>
    </message>
    <message>
        <source>The backup %1 belongs to another vault. Nothing was changed.</source>
        <translation>النسخة الاحتياطية %1 تخص خزنة أخرى. لم يتغير أي شيء.</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <source>The file is empty. Nothing was attached.</source>
        <translation>الملف فارغ. لم يُرفَق أي شيء.</translation>
    </message>
    <message>
        <source>The file is larger than attachments may be. Nothing was attached; scan it at a lower resolution or split it.</source>
        <translation>الملف أكبر من الحجم المسموح به للمرفقات. لم يُرفَق أي شيء؛ امسحه ضوئيًا بدقة أقل أو قسّمه.</translation>
    </message>
    <message>
        <source>The file is a program or a script, whatever its name says. Programs are never attached; nothing was stored.</source>
        <translation>الملف برنامج أو نص برمجي أيًّا كان اسمه. لا تُرفَق البرامج أبدًا؛ لم يُحفَظ أي شيء.</translation>
    </message>
    <message>
        <source>Only PDF files, JPEG, PNG, TIFF and WebP images and plain text can be attached. Nothing was stored.</source>
        <translation>لا يمكن إرفاق إلا ملفات PDF وصور JPEG وPNG وTIFF وWebP والنصوص العادية. لم يُحفَظ أي شيء.</translation>
    </message>
    <message>
        <source>The file could not be read (it may be a folder, on a removed drive, or not yours to read). Nothing was attached.</source>
        <translation>تعذّرت قراءة الملف (قد يكون مجلدًا، أو على وحدة تخزين أُزيلت، أو لا يحق لك قراءته). لم يُرفَق أي شيء.</translation>
    </message>
    <message>
        <source>The file&apos;s name cannot be used for an attachment (it is empty, too long or has special characters). Rename the file and try again.</source>
        <translation>لا يمكن استخدام اسم الملف لمرفق (فهو فارغ أو طويل جدًا أو يحتوي على رموز خاصة). غيّر اسم الملف وحاول مجددًا.</translation>
    </message>
    <message>
        <source>This attachment is damaged in the vault and cannot be shown. Restore the vault from a backup or ask a colleague whose laptop has it.</source>
        <translation>هذا المرفق تالف في الخزنة ولا يمكن عرضه. استعِد الخزنة من نسخة احتياطية أو اطلبه من زميل يوجد على حاسوبه.</translation>
    </message>
    <message>
        <source>This attachment is still arriving from the hub. Sync again and open it when it is complete.</source>
        <translation>لا يزال هذا المرفق يصل من المحور. زامن مرة أخرى وافتحه عندما يكتمل.</translation>
    </message>
    <message>
        <source>The attachment could not be handled.</source>
        <translation>تعذّرت معالجة المرفق.</translation>
    </message>
    <message>
        <source>The file is %1, over the limit of %2 for attachments. Nothing was attached; scan it at a lower resolution or split it.</source>
        <translation>حجم الملف %1، وهو يتجاوز الحد الأقصى للمرفقات البالغ %2. لم يُرفَق أي شيء؛ امسحه ضوئيًا بدقة أقل أو قسّمه.</translation>
    </message>
    <message>
        <source>The hub refused a change to a case that was erased at a person&apos;s request.</source>
        <translation>رفض المركز تعديلاً على حالة مُحيت بناءً على طلب صاحبها.</translation>
    </message>
    <message>
        <source>This computer is enrolled for caseworkers, so the hub would refuse the erasure. Nothing was erased. Erase the case from a computer enrolled for a supervisor.</source>
        <translation>هذا الحاسوب مسجَّل لمسؤولي الحالات، لذا سيرفض المركز المحو. لم يُمحَ شيء. امحُ الحالة من حاسوب مسجَّل لمشرف.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Case code</source>
        <comment>case</comment>
        <translation>رمز الحالة</translation>
    </message>
    <message>
        <source>Office</source>
        <comment>case</comment>
        <translation>المكتب</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <comment>case</comment>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <source>Case status</source>
        <comment>case</comment>
        <translation>وضع الحالة</translation>
    </message>
    <message>
        <source>Reason for closure</source>
        <comment>case</comment>
        <translation>سبب الإغلاق</translation>
    </message>
    <message>
        <source>Registered on</source>
        <comment>case</comment>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Closed on</source>
        <comment>case</comment>
        <translation>تاريخ الإغلاق</translation>
    </message>
    <message>
        <source>Given name</source>
        <comment>case</comment>
        <translation>الاسم الشخصي</translation>
    </message>
    <message>
        <source>Family name</source>
        <comment>case</comment>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Other names used</source>
        <comment>case</comment>
        <translation>أسماء أخرى مستعملة</translation>
    </message>
    <message>
        <source>Gender</source>
        <comment>case</comment>
        <translation>النوع الاجتماعي</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <comment>case</comment>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Estimated age</source>
        <comment>case</comment>
        <translation>العمر التقديري</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <comment>case</comment>
        <translation>الجنسية</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <comment>case</comment>
        <translation>اللغات المحكية</translation>
    </message>
    <message>
        <source>Marital status</source>
        <comment>case</comment>
        <translation>الحالة الاجتماعية</translation>
    </message>
    <message>
        <source>Number of children</source>
        <comment>case</comment>
        <translation>عدد الأطفال</translation>
    </message>
    <message>
        <source>Education</source>
        <comment>case</comment>
        <translation>المستوى التعليمي</translation>
    </message>
    <message>
        <source>Contacts</source>
        <comment>case</comment>
        <translation>بيانات الاتصال</translation>
    </message>
    <message>
        <source>Identity documents</source>
        <comment>case</comment>
        <translation>وثائق الهوية</translation>
    </message>
    <message>
        <source>Act</source>
        <comment>case</comment>
        <translation>الفعل</translation>
    </message>
    <message>
        <source>Means</source>
        <comment>case</comment>
        <translation>الوسائل</translation>
    </message>
    <message>
        <source>Purpose (exploitation)</source>
        <comment>case</comment>
        <translation>الغرض (الاستغلال)</translation>
    </message>
    <message>
        <source>Screening complete</source>
        <comment>case</comment>
        <translation>اكتمل الفحص</translation>
    </message>
    <message>
        <source>Screened on</source>
        <comment>case</comment>
        <translation>تاريخ الفحص</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <comment>case</comment>
        <translation>طريقة التجنيد</translation>
    </message>
    <message>
        <source>Relationship to the recruiter</source>
        <comment>case</comment>
        <translation>العلاقة بالمجنِّد</translation>
    </message>
    <message>
        <source>Means of control</source>
        <comment>case</comment>
        <translation>وسائل السيطرة</translation>
    </message>
    <message>
        <source>Forms of exploitation</source>
        <comment>case</comment>
        <translation>أشكال الاستغلال</translation>
    </message>
    <message>
        <source>Sector of work</source>
        <comment>case</comment>
        <translation>قطاع العمل</translation>
    </message>
    <message>
        <source>Exploitation began on</source>
        <comment>case</comment>
        <translation>تاريخ بداية الاستغلال</translation>
    </message>
    <message>
        <source>Exploitation ended on</source>
        <comment>case</comment>
        <translation>تاريخ نهاية الاستغلال</translation>
    </message>
    <message>
        <source>Stage</source>
        <comment>event</comment>
        <translation>المرحلة</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>event</comment>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Country</source>
        <comment>event</comment>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Place</source>
        <comment>event</comment>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Consent to</source>
        <comment>consent</comment>
        <translation>الموافقة على</translation>
    </message>
    <message>
        <source>Consent given</source>
        <comment>consent</comment>
        <translation>أُعطيت الموافقة</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <comment>consent</comment>
        <translation>المنظمة الشريكة</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <comment>consent</comment>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <comment>consent</comment>
        <translation>سجّلها</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <comment>consent</comment>
        <translation>تاريخ السحب</translation>
    </message>
    <message>
        <source>Service</source>
        <comment>service</comment>
        <translation>الخدمة</translation>
    </message>
    <message>
        <source>Provider</source>
        <comment>service</comment>
        <translation>مقدم الخدمة</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>service</comment>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Start date</source>
        <comment>service</comment>
        <translation>تاريخ البداية</translation>
    </message>
    <message>
        <source>End date</source>
        <comment>service</comment>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <source>Details</source>
        <comment>service</comment>
        <translation>تفاصيل</translation>
    </message>
    <message>
        <source>Direction</source>
        <comment>referral</comment>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <comment>referral</comment>
        <translation>المنظمة الشريكة</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>referral</comment>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>referral</comment>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>referral</comment>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Note</source>
        <comment>note</comment>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>To office</source>
        <comment>transfer</comment>
        <translation>إلى المكتب</translation>
    </message>
    <message>
        <source>Reason</source>
        <comment>transfer</comment>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>transfer</comment>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Optional: the person may prefer not to give a name.</source>
        <translation>اختياري: قد يفضّل الشخص عدم ذكر اسمه.</translation>
    </message>
    <message>
        <source>When the date of birth is not known.</source>
        <translation>عندما يكون تاريخ الميلاد غير معروف.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>موافقة</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>خدمة</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>إحالة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>نقل الملف</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <comment>case</comment>
        <translation>نسخة مكررة من</translation>
    </message>
    <message>
        <source>Same person as</source>
        <comment>case</comment>
        <translation>الشخص نفسه في</translation>
    </message>
    <message>
        <source>Possible duplicate of</source>
        <comment>case</comment>
        <translation>تكرار محتمل لـ</translation>
    </message>
</context>
<context>
    <name>RefusalMessages</name>
    <message>
        <source>The hub refused changes from this computer for a reason this version of Abri does not know. Contact the hub operator and quote the error code.</source>
        <translation>رفض المركز تغييرات من هذا الحاسوب لسبب لا يعرفه هذا الإصدار من أبري. اتصل بمشغّل المركز وأبلغه برمز الخطأ.</translation>
    </message>
    <message>
        <source>The hub could not accept a set of changes from this computer because it was not valid. Contact the hub operator and quote the error code.</source>
        <translation>لم يتمكّن المركز من قبول مجموعة تغييرات من هذا الحاسوب لأنها غير صالحة. اتصل بمشغّل المركز وأبلغه برمز الخطأ.</translation>
    </message>
    <message>
        <source>The hub could not verify the signature on changes from this computer. Contact the hub operator and quote the error code.</source>
        <translation>لم يتمكّن المركز من التحقق من توقيع التغييرات الواردة من هذا الحاسوب. اتصل بمشغّل المركز وأبلغه برمز الخطأ.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is still more than a day ahead of the hub&apos;s time. Correct the date and time in the system settings, then try again.</source>
        <translation>ما زالت ساعة هذا الحاسوب متقدّمة بأكثر من يوم على توقيت المركز. صحّح التاريخ والوقت في إعدادات النظام، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>This computer&apos;s date is still before 2020. Correct the date and time in the system settings, then try again.</source>
        <translation>ما زال تاريخ هذا الحاسوب سابقًا لعام 2020. صحّح التاريخ والوقت في إعدادات النظام، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>The hub has accepted these changes in the meantime, so they are not sent again. Sync again to update the list.</source>
        <translation>قبِل المركز هذه التغييرات في هذه الأثناء، لذا لن تُرسَل مرة أخرى. زامِن مجددًا لتحديث القائمة.</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Filters: %1</source>
        <translation>المرشحات: %1</translation>
    </message>
    <message>
        <source>Report of %1</source>
        <translation>تقرير بتاريخ %1</translation>
    </message>
    <message>
        <source>Office %1</source>
        <translation>المكتب %1</translation>
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
        <translation>الفئات المحجوبة (%1) غير معروضة.</translation>
    </message>
    <message>
        <source>Bars marked (%1) are suppressed and not drawn.</source>
        <translation>الأعمدة المعلَّمة بـ (%1) محجوبة ولا تُرسم.</translation>
    </message>
    <message>
        <source>Suppressed values (%1) are not drawn.</source>
        <translation>القيم المحجوبة (%1) لا تُرسم.</translation>
    </message>
    <message>
        <source>%1 and over</source>
        <comment>age band</comment>
        <translation>%1 فأكثر</translation>
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
        <translation>الربع %1 %2</translation>
    </message>
    <message>
        <source>Age at registration</source>
        <translation>العمر عند التسجيل</translation>
    </message>
    <message>
        <source>Minor or adult</source>
        <translation>قاصر أو بالغ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>الجنسية</translation>
    </message>
    <message>
        <source>Country of exploitation</source>
        <translation>بلد الاستغلال</translation>
    </message>
    <message>
        <source>International or internal</source>
        <translation>دولي أو داخلي</translation>
    </message>
    <message>
        <source>Type of exploitation</source>
        <translation>شكل الاستغلال</translation>
    </message>
    <message>
        <source>Labour sector</source>
        <translation>قطاع العمل</translation>
    </message>
    <message>
        <source>Recruitment method</source>
        <translation>طريقة التجنيد</translation>
    </message>
    <message>
        <source>Relationship to the recruiter</source>
        <translation>العلاقة بالمجنِّد</translation>
    </message>
    <message>
        <source>Means of control</source>
        <translation>وسائل السيطرة</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>وضع الخدمة</translation>
    </message>
    <message>
        <source>Referral direction</source>
        <translation>اتجاه الإحالة</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>وضع الإحالة</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>وضع الحالة</translation>
    </message>
    <message>
        <source>Closure reason</source>
        <translation>سبب الإغلاق</translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation>نتيجة الفحص</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <source>Year of registration</source>
        <translation>سنة التسجيل</translation>
    </message>
    <message>
        <source>Quarter of registration</source>
        <translation>ربع سنة التسجيل</translation>
    </message>
    <message>
        <source>Month of registration</source>
        <translation>شهر التسجيل</translation>
    </message>
    <message>
        <source>Persons assisted by age</source>
        <translation>الأشخاص المُساعَدون حسب العمر</translation>
    </message>
    <message>
        <source>Persons assisted: minors and adults</source>
        <translation>الأشخاص المُساعَدون: القاصرون والبالغون</translation>
    </message>
    <message>
        <source>Persons assisted by sex</source>
        <translation>الأشخاص المُساعَدون حسب الجنس</translation>
    </message>
    <message>
        <source>Persons assisted: international and internal trafficking</source>
        <translation>الأشخاص المُساعَدون: الاتجار الدولي والداخلي</translation>
    </message>
    <message>
        <source>Persons assisted by type of exploitation</source>
        <translation>الأشخاص المُساعَدون حسب شكل الاستغلال</translation>
    </message>
    <message>
        <source>Assistance given: services by type and status</source>
        <translation>المساعدة المقدَّمة: الخدمات حسب النوع والوضع</translation>
    </message>
    <message>
        <source>Referrals by direction and status</source>
        <translation>الإحالات حسب الاتجاه والوضع</translation>
    </message>
    <message>
        <source>Case flow: cases registered per month by current status</source>
        <translation>تدفق الحالات: الحالات المسجلة شهريًا حسب وضعها الحالي</translation>
    </message>
    <message>
        <source>Type of exploitation by sex</source>
        <translation>شكل الاستغلال حسب الجنس</translation>
    </message>
    <message>
        <source>Type of exploitation by age</source>
        <translation>شكل الاستغلال حسب العمر</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <comment>report title: rows by columns</comment>
        <translation>%1 حسب %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>بلا خدمة</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>بلا إحالة</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>غير مغلقة</translation>
    </message>
    <message>
        <source>Minors (under 18)</source>
        <translation>القاصرون (دون 18 عامًا)</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>البالغون</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>غير مُسنَدة</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Registered %1 – %2</source>
        <comment>period</comment>
        <translation>المسجلون من %1 إلى %2</translation>
    </message>
    <message>
        <source>Registered from %1</source>
        <comment>period</comment>
        <translation>المسجلون منذ %1</translation>
    </message>
    <message>
        <source>Registered until %1</source>
        <comment>period</comment>
        <translation>المسجلون حتى %1</translation>
    </message>
    <message>
        <source>All registrations</source>
        <translation>جميع التسجيلات</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>filter: dimension: values</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>Suppressed: fewer than %1 persons (or needed to protect another cell)</source>
        <translation>محجوب: أقل من %1 أشخاص (أو لازم لحماية خلية أخرى)</translation>
    </message>
    <message>
        <source>A person can count in several rows; totals count each person once.</source>
        <translation>قد يُحتسب الشخص في عدة صفوف؛ وتحتسب المجاميع كل شخص مرة واحدة.</translation>
    </message>
    <message>
        <source>Internal: broken down by office or caseworker — not for publication.</source>
        <translation>داخلي: مُفصَّل حسب المكتب أو مسؤول الحالة — ليس للنشر.</translation>
    </message>
    <message>
        <source>Values below %1 are suppressed to protect the persons counted; values are rounded to base 5.</source>
        <translation>القيم الأقل من %1 محجوبة لحماية الأشخاص المعدودين؛ والقيم مقرَّبة إلى مضاعفات 5.</translation>
    </message>
    <message>
        <source>Values below %1 are suppressed to protect the persons counted.</source>
        <translation>القيم الأقل من %1 محجوبة لحماية الأشخاص المعدودين.</translation>
    </message>
    <message>
        <source>No person was registered in this period with these filters.</source>
        <translation>لم يُسجَّل أي شخص في هذه الفترة بهذه المرشحات.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Caseworker</source>
        <translation>مسؤول حالات</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>مدير النظام</translation>
    </message>
    <message>
        <source>Registers and follows cases; may reveal sensitive fields.</source>
        <translation>يسجّل الحالات ويتابعها؛ يمكنه إظهار الحقول الحساسة.</translation>
    </message>
    <message>
        <source>Like a caseworker, and may delete records and resolve conflicting edits.</source>
        <translation>مثل مسؤول الحالات، ويمكنه أيضًا حذف السجلات وحل التعديلات المتعارضة.</translation>
    </message>
    <message>
        <source>Manages user accounts; does not see people&apos;s identities.</source>
        <translation>يدير حسابات المستخدمين؛ ولا يطّلع على هويات الأشخاص.</translation>
    </message>
</context>
<context>
    <name>abri::app::AddUserDialog</name>
    <message>
        <source>The two passwords are different.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>إضافة مستخدم</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>used to unlock, for example amira</source>
        <translation>يُستخدم لفتح القفل، مثلًا amira</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>كلمة المرور الأولى</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>أعد كتابة كلمة المرور</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>إضافة المستخدم</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentCategoryDialog</name>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>What kind of paper is being attached to this case?</source>
        <translation>ما نوع الوثيقة التي تُرفَق بهذه الحالة؟</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>ال&amp;فئة:</translation>
    </message>
    <message>
        <source>The files are stored encrypted inside the vault. The originals stay where they are: delete them yourself if they should not stay on this computer.</source>
        <translation>تُحفَظ الملفات مشفّرة داخل الخزنة. تبقى الأصول في مكانها: احذفها بنفسك إن كان لا ينبغي أن تبقى على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>إرفاق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentViewer</name>
    <message>
        <source>This image cannot be shown here. Use &quot;Save a copy…&quot; to open it with another program.</source>
        <translation>لا يمكن عرض هذه الصورة هنا. استخدم «حفظ نسخة…» لفتحها ببرنامج آخر.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown here (it may be protected by a password or damaged). Use &quot;Save a copy…&quot; to open it with another program.</source>
        <translation>لا يمكن عرض ملف PDF هذا هنا (قد يكون محميًا بكلمة مرور أو تالفًا). استخدم «حفظ نسخة…» لفتحه ببرنامج آخر.</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>المرفق: %1</translation>
    </message>
    <message>
        <source>Shown from the encrypted vault; no copy is written to this computer&apos;s disk. Opening it was recorded in the audit log.</source>
        <translation>معروض من الخزنة المشفّرة؛ لا تُكتب أي نسخة على قرص هذا الحاسوب. سُجّل فتحه في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>abri::app::AttachmentsSection</name>
    <message>
        <source>Consent form</source>
        <translation>استمارة موافقة</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>وثيقة هوية</translation>
    </message>
    <message>
        <source>Medical paper</source>
        <translation>وثيقة طبية</translation>
    </message>
    <message>
        <source>Legal paper</source>
        <translation>وثيقة قانونية</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>صورة فوتوغرافية</translation>
    </message>
    <message>
        <source>Other paper</source>
        <translation>وثيقة أخرى</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>مستند PDF</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>صورة JPEG</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>صورة PNG</translation>
    </message>
    <message>
        <source>TIFF image</source>
        <translation>صورة TIFF</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>صورة WebP</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 بايت</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 كيلوبايت</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <source>Removed file</source>
        <translation>ملف محذوف</translation>
    </message>
    <message>
        <source>Name hidden</source>
        <translation>الاسم مخفي</translation>
    </message>
    <message>
        <source>Removed: content deleted</source>
        <translation>محذوف: حُذف المحتوى</translation>
    </message>
    <message>
        <source>Replaced by a newer file</source>
        <translation>استُبدل بملف أحدث</translation>
    </message>
    <message>
        <source>Current (replaces an earlier file)</source>
        <translation>حالي (يحل محل ملف سابق)</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>حالي</translation>
    </message>
    <message>
        <source>Attach files to the case</source>
        <translation>إرفاق ملفات بالحالة</translation>
    </message>
    <message>
        <source>Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.txt);;All files (*)</source>
        <translation>مسوح ضوئية وصور ومستندات (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>dropped image</source>
        <translation>صورة مسحوبة</translation>
    </message>
    <message>
        <source>A copy was saved to %1. The copy is NOT encrypted: delete it when you no longer need it. Saving it was recorded in the audit log.</source>
        <translation>حُفظت نسخة في %1. هذه النسخة غير مشفّرة: احذفها حين لا تعود بحاجة إليها. سُجّل الحفظ في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>حفظ نسخة من المرفق</translation>
    </message>
    <message>
        <source>Remove the attachment</source>
        <translation>حذف المرفق</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from the case?</source>
        <translation>هل تريد حذف «%1» من الحالة؟</translation>
    </message>
    <message>
        <source>Its content is deleted from the vault for good; only a record that it existed stays (category, size, who added it and when). This cannot be undone.</source>
        <translation>يُحذف محتواه من الخزنة نهائيًا؛ ولا يبقى إلا سجل بوجوده (الفئة والحجم ومن أضافه ومتى). لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Scanned papers and photos, stored encrypted inside the vault. Add them with &quot;Add…&quot; or by dropping files here. Opening one is recorded in the audit log, like revealing a name.</source>
        <translation>وثائق ممسوحة ضوئيًا وصور، محفوظة مشفّرة داخل الخزنة. أضفها بزر «إضافة…» أو بسحب الملفات وإفلاتها هنا. يُسجَّل كل فتح في سجل التدقيق، مثل كشف الاسم.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>حفظ نسخة…</translation>
    </message>
    <message>
        <source>Show thumbnails</source>
        <translation>عرض الصور المصغّرة</translation>
    </message>
    <message>
        <source>Shows a small picture of each image; each one shown is recorded in the audit log</source>
        <translation>يعرض صورة صغيرة لكل صورة؛ ويُسجَّل عرض كل منها في سجل التدقيق</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>أضافه</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>تاريخ الإضافة</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Arriving: %1 of %2 parts</source>
        <translation>قيد الوصول: %1 من %2 أجزاء</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseFileWidget</name>
    <message>
        <source>Screening outcome: %1</source>
        <translation>نتيجة الفحص: %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>النطاق: %1</translation>
    </message>
    <message>
        <source>Scope: not known yet (add the citizenship and the countries of the events)</source>
        <translation>النطاق: غير معروف بعد (أضف الجنسية وبلدان الأحداث)</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>قاصر</translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation>العمر %1</translation>
    </message>
    <message>
        <source>Office %1</source>
        <translation>المكتب %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>The case %1 has changes that are not saved.</source>
        <translation>في الحالة %1 تغييرات لم تُحفظ.</translation>
    </message>
    <message>
        <source>Do you want to save them?</source>
        <translation>هل تريد حفظها؟</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>تجاهل التغييرات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>الفحص</translation>
    </message>
    <message>
        <source>Trafficking situation</source>
        <translation>وضع الاتجار</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>المساعدة</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <source>Palermo Protocol, article 3: an act, by a means, for the purpose of exploitation. For a minor the means are not required.</source>
        <translation>بروتوكول باليرمو، المادة 3: فعل، بوسيلة، لغرض الاستغلال. بالنسبة للقاصر لا يُشترط توفر الوسيلة.</translation>
    </message>
    <message>
        <source>Save the changes of every tab (Ctrl+S)</source>
        <translation>حفظ تغييرات كل علامات التبويب (Ctrl+S)</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>التراجع عن التغييرات</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>محو…</translation>
    </message>
    <message>
        <source>Erase this case at the person&apos;s request, here and on every copy (cannot be undone)</source>
        <translation>محو هذه الحالة بناءً على طلب الشخص، هنا وفي كل نسخة (لا يمكن التراجع عنه)</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseListModel</name>
    <message>
        <source>Minor</source>
        <translation>قاصر</translation>
    </message>
    <message>
        <source>Case code</source>
        <translation>رمز الحالة</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>الفحص</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>النوع الاجتماعي</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Exploitation</source>
        <translation>الاستغلال</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>المكتب</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>آخر تعديل</translation>
    </message>
</context>
<context>
    <name>abri::app::CaseListPage</name>
    <message>
        <source>Any caseworker</source>
        <translation>كل مسؤولي الحالات</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>الحالات: %1</translation>
    </message>
    <message>
        <source>Search by case code, name, alias or note text</source>
        <translation>ابحث برمز الحالة أو الاسم أو الاسم المستعار أو نص الملاحظة</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>كل الأوضاع</translation>
    </message>
    <message>
        <source>Any exploitation</source>
        <translation>كل أشكال الاستغلال</translation>
    </message>
    <message>
        <source>Minors and adults</source>
        <translation>القاصرون والبالغون</translation>
    </message>
    <message>
        <source>Minors only</source>
        <translation>القاصرون فقط</translation>
    </message>
    <message>
        <source>Adults only</source>
        <translation>البالغون فقط</translation>
    </message>
    <message>
        <source>Any office</source>
        <translation>كل المكاتب</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>مسجلة من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>Exploitation type</source>
        <translation>شكل الاستغلال</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>مسؤول الحالة</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
</context>
<context>
    <name>abri::app::ConflictsDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
    </message>
    <message>
        <source>Entered on this computer by %1, %2</source>
        <translation>أُدخل على هذا الحاسوب بواسطة %1، %2</translation>
    </message>
    <message>
        <source>Entered on another computer, %1</source>
        <translation>أُدخل على حاسوب آخر، %1</translation>
    </message>
    <message>
        <source>Deleted case</source>
        <translation>حالة محذوفة</translation>
    </message>
    <message>
        <source>Case %1 · %2</source>
        <translation>الحالة %1 · %2</translation>
    </message>
    <message>
        <source>Case %1 · %2 · %3</source>
        <translation>الحالة %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>القيمة الحالية</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>القيمة الأخرى</translation>
    </message>
    <message>
        <source>Hidden (sensitive)</source>
        <translation>مخفي (حساس)</translation>
    </message>
    <message>
        <source>This record was deleted; there is nothing to choose.</source>
        <translation>حُذف هذا السجل؛ لا يوجد ما يُختار.</translation>
    </message>
    <message>
        <source>Conflict found %1</source>
        <translation>اكتُشف التعارض في %1</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>الإبقاء على القيمة الحالية</translation>
    </message>
    <message>
        <source>Keep the current value. Your choice is sent to the hub like any other change.</source>
        <translation>الإبقاء على القيمة الحالية. يُرسَل اختيارك إلى المركز مثل أي تعديل آخر.</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>استخدام هذه القيمة</translation>
    </message>
    <message>
        <source>Replace the current value with this one. Your choice is sent to the hub like any other change.</source>
        <translation>استبدال القيمة الحالية بهذه القيمة. يُرسَل اختيارك إلى المركز مثل أي تعديل آخر.</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Show both values. Every reveal is recorded in the audit log.</source>
        <translation>إظهار القيمتين. يُسجَّل كل إظهار في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>التعارضات</translation>
    </message>
    <message>
        <source>These fields were changed on two computers before either had seen the other&apos;s change. The more recent change is the current value; the other one is kept here.</source>
        <translation>عُدّلت هذه الحقول على حاسوبين قبل أن يطّلع أيٌّ منهما على تعديل الآخر. التعديل الأحدث هو القيمة الحالية، ويُحتفظ بالتعديل الآخر هنا.</translation>
    </message>
    <message>
        <source>Choose the value to keep: your choice is a new change, sent to the hub like any other.</source>
        <translation>اختر القيمة التي تريد الإبقاء عليها: اختيارك تعديل جديد يُرسَل إلى المركز مثل أي تعديل آخر.</translation>
    </message>
    <message>
        <source>Only a supervisor can choose the value to keep.</source>
        <translation>لا يمكن إلا للمشرف اختيار القيمة التي يُحتفظ بها.</translation>
    </message>
    <message>
        <source>There are no conflicts.</source>
        <translation>لا توجد تعارضات.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>abri::app::CrossTabDialog</name>
    <message>
        <source>None (a one-way table)</source>
        <translation>بلا (جدول بسيط)</translation>
    </message>
    <message>
        <source>Tick at least one value to filter on.</source>
        <translation>حدِّد قيمة واحدة على الأقل للتصفية.</translation>
    </message>
    <message>
        <source>New cross-tab</source>
        <translation>جدول متقاطع جديد</translation>
    </message>
    <message>
        <source>Count persons by one dimension, or by two in a cross-tab, and keep only those matching the filters. The period is chosen on the Reports screen. Small counts are suppressed as in every report.</source>
        <translation>احسب الأشخاص حسب بُعد واحد، أو حسب بُعدين في جدول متقاطع، واحتفظ فقط بمن يطابقون المرشحات. تُختار الفترة في شاشة التقارير. تُحجب الأعداد الصغيرة كما في كل تقرير.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>الصفوف</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>الأعمدة</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>المرشحات</translation>
    </message>
    <message>
        <source>Filter on</source>
        <translation>التصفية حسب</translation>
    </message>
    <message>
        <source>Add filter</source>
        <translation>إضافة المرشح</translation>
    </message>
    <message>
        <source>Remove filter</source>
        <translation>إزالة المرشح</translation>
    </message>
    <message>
        <source>Name (to save)</source>
        <translation>الاسم (للحفظ)</translation>
    </message>
    <message>
        <source>e.g. Labour sector by sex</source>
        <translation>مثلًا: قطاع العمل حسب الجنس</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>عرض التقرير</translation>
    </message>
    <message>
        <source>Save and show</source>
        <translation>حفظ وعرض</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Filters of the report (a person must match each)</source>
        <translation>مرشحات التقرير (يجب أن يطابقها الشخص كلها)</translation>
    </message>
</context>
<context>
    <name>abri::app::DuplicateBadge</name>
    <message>
        <source>Duplicate of %1: the same person&apos;s case, which continues there</source>
        <translation>نسخة مكررة من %1: ملف الشخص نفسه، ويستمر العمل عليه هناك</translation>
    </message>
    <message>
        <source>Same person as %1 (merged at the hub)</source>
        <translation>الشخص نفسه في %1 (دُمج الملفان في المركز)</translation>
    </message>
    <message>
        <source>Possible duplicate of %1 (flagged at the hub)</source>
        <translation>تكرار محتمل لـ %1 (أشار إليه المركز)</translation>
    </message>
</context>
<context>
    <name>abri::app::EraseCaseDialog</name>
    <message>
        <source>Erase case %1</source>
        <translation>محو الحالة %1</translation>
    </message>
    <message>
        <source>Erase this case only when the person asked for their data to be erased. Everything of the case leaves this computer now, and the hub and every other computer of the office at their next sync: the profile, every record, note and attachment, and its history. This cannot be undone. The audit log keeps that the case was erased, by you, and when.</source>
        <translation>لا تمحُ هذه الحالة إلا إذا طلب الشخص محو بياناته. يُزال كل ما في الحالة من هذا الحاسوب الآن، ومن المركز ومن كل حاسوب آخر في المكتب عند المزامنة التالية: الملف الشخصي وكل سجل وملاحظة ومرفق، وسجلّها التاريخي. لا يمكن التراجع عن ذلك. يحتفظ سجل التدقيق بأن الحالة قد مُحيت، وبمن محاها، ومتى.</translation>
    </message>
    <message>
        <source>Type the case code %1 to confirm:</source>
        <translation>اكتب رمز الحالة %1 للتأكيد:</translation>
    </message>
    <message>
        <source>Erase the case</source>
        <translation>محو الحالة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::FieldEditor</name>
    <message>
        <source>Not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>مسح التاريخ</translation>
    </message>
    <message>
        <source>Type to filter the list</source>
        <translation>اكتب لتصفية القائمة</translation>
    </message>
    <message>
        <source>Separate several entries with ;</source>
        <translation>افصل بين عدة مدخلات بالرمز ;</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>الجهة المُصدِرة</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>وسيلة الاتصال</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>إضافة وثيقة</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>إضافة وسيلة اتصال</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>غير مُسندة</translation>
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
        <translation>مخفي (حساس)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Show this value. Every reveal is recorded in the audit log.</source>
        <translation>إظهار هذه القيمة. يُسجَّل كل إظهار في سجل التدقيق.</translation>
    </message>
</context>
<context>
    <name>abri::app::FirstRunPage</name>
    <message>
        <source>Enter the office code and a user name.</source>
        <translation>أدخل رمز المكتب واسم مستخدم.</translation>
    </message>
    <message>
        <source>The two passwords are different.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Welcome to Abri</source>
        <translation>مرحبًا بك في أبري</translation>
    </message>
    <message>
        <source>Abri keeps case files in an encrypted vault on this computer. Create the vault and its first administrator. The administrator manages user accounts; caseworkers and supervisors are added afterwards.</source>
        <translation>يحفظ أبري ملفات الحالات في خزنة مشفرة على هذا الحاسوب. أنشئ الخزنة ومديرها الأول. يدير مدير النظام حسابات المستخدمين؛ ويُضاف مسؤولو الحالات والمشرفون لاحقًا.</translation>
    </message>
    <message>
        <source>Office code</source>
        <translation>رمز المكتب</translation>
    </message>
    <message>
        <source>for example TUN-SFX</source>
        <translation>مثلًا TUN-SFX</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>اسم مستخدم مدير النظام</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>أعد كتابة كلمة المرور</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>إنشاء الخزنة</translation>
    </message>
    <message>
        <source>Vault file: %1</source>
        <translation>ملف الخزنة: %1</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>مفتاح الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>If every administrator forgets their password, this key is the only way to open the vault. Write it on paper now and keep it in a locked place, away from this computer. It will not be shown again.</source>
        <translation>إذا نسي جميع مديري النظام كلمات مرورهم، فهذا المفتاح هو الطريقة الوحيدة لفتح الخزنة. اكتبه الآن على ورقة واحفظه في مكان مقفل بعيدًا عن هذا الحاسوب. لن يُعرض مرة أخرى.</translation>
    </message>
    <message>
        <source>I have written down the recovery key and stored it safely</source>
        <translation>لقد دوّنت مفتاح الاسترداد وحفظته في مكان آمن</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
</context>
<context>
    <name>abri::app::HistorySection</name>
    <message>
        <source>Created</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Sensitive value revealed</source>
        <translation>إظهار قيمة حساسة</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>فتح الحالة</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Every change and every reveal of a sensitive value, newest first. Values are not shown.</source>
        <translation>كل تعديل وكل إظهار لقيمة حساسة، من الأحدث إلى الأقدم. لا تُعرض القيم.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Another laptop</source>
        <translation>حاسوب آخر</translation>
    </message>
    <message>
        <source>%1, office %2</source>
        <comment>who made a change that arrived by sync: laptop label, office code</comment>
        <translation>%1، المكتب %2</translation>
    </message>
</context>
<context>
    <name>abri::app::ItemDialog</name>
    <message>
        <source>Reveal this value first, so that the correction keeps it.</source>
        <translation>أظهر هذه القيمة أولًا كي يحتفظ بها التصحيح.</translation>
    </message>
    <message>
        <source>Add: %1</source>
        <translation>إضافة: %1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>تعديل: %1</translation>
    </message>
    <message>
        <source>Correct: %1</source>
        <translation>تصحيح: %1</translation>
    </message>
    <message>
        <source>Records of this kind are never overwritten. Your correction is saved as a new record that replaces this one; the original stays in the history.</source>
        <translation>لا يُكتب فوق سجلات هذا النوع أبدًا. يُحفظ تصحيحك كسجل جديد يحل محل هذا السجل؛ ويبقى الأصل في السجل التاريخي.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::ItemSection</name>
    <message>
        <source>Delete this record? It stays in the case history.</source>
        <translation>هل تريد حذف هذا السجل؟ سيبقى في سجل الحالة التاريخي.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>مخفي</translation>
    </message>
    <message>
        <source>Corrected by a later record</source>
        <translation>صُحِّح بسجل لاحق</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1، بواسطة %2</translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation>(مُصحَّح)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <source>Where and when the person was recruited, moved and exploited. The countries decide whether the case is international.</source>
        <translation>أين ومتى جُنِّد الشخص ونُقل واستُغل. تحدد البلدان ما إذا كانت الحالة دولية.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>الموافقات</translation>
    </message>
    <message>
        <source>What the person agreed to. Referrals and transfers to partners need a data-sharing consent that has not been withdrawn.</source>
        <translation>ما وافق عليه الشخص. تتطلب الإحالات وعمليات النقل إلى الشركاء موافقة على مشاركة البيانات لم تُسحب.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>الخدمات</translation>
    </message>
    <message>
        <source>Assistance provided or planned. Records are never overwritten: use Correct to replace one.</source>
        <translation>المساعدة المقدمة أو المخطط لها. لا يُكتب فوق السجلات أبدًا: استخدم «تصحيح» لاستبدال سجل.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>الإحالات</translation>
    </message>
    <message>
        <source>Referrals to and from partner organisations.</source>
        <translation>الإحالات إلى المنظمات الشريكة ومنها.</translation>
    </message>
    <message>
        <source>Transfers between offices</source>
        <translation>النقل بين المكاتب</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>abri::app::LanguageSelector</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>abri::app::MainWindow</name>
    <message>
        <source>Recovery session</source>
        <translation>جلسة استرداد</translation>
    </message>
    <message>
        <source>The vault was opened with the recovery key. You can reset a password; case files are not shown. Lock when you are done.</source>
        <translation>فُتحت الخزنة بمفتاح الاسترداد. يمكنك إعادة تعيين كلمة مرور؛ لا تُعرض ملفات الحالات. اقفل الخزنة عند الانتهاء.</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>إدارة المستخدمين…</translation>
    </message>
    <message>
        <source>About Abri</source>
        <translation>حول أبري</translation>
    </message>
    <message>
        <source>Abri %1
Offline-first case management for organisations assisting victims of human trafficking.
Case data stays encrypted on this computer.</source>
        <translation>أبري %1
إدارة الحالات دون اتصال بالإنترنت للمنظمات التي تساعد ضحايا الاتجار بالأشخاص.
تبقى بيانات الحالات مشفرة على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The vault cannot be opened</source>
        <translation>تعذّر فتح الخزنة</translation>
    </message>
    <message>
        <source>Recovery session · office %1</source>
        <translation>جلسة استرداد · المكتب %1</translation>
    </message>
    <message>
        <source>%1 (%2) · office %3</source>
        <translation>%1 (%2) · المكتب %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>أدوات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <source>Register a new case (Ctrl+N)</source>
        <translation>تسجيل حالة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Lock Abri now and wipe the keys from memory (Ctrl+L)</source>
        <translation>قفل أبري الآن ومسح المفاتيح من الذاكرة (Ctrl+L)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>مزامنة الآن</translation>
    </message>
    <message>
        <source>Prepare the changes for the hub and apply the updates received from it (F5)</source>
        <translation>تجهيز التغييرات للمركز وتطبيق التحديثات الواردة منه (F5)</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>التعارضات…</translation>
    </message>
    <message>
        <source>Fields changed on two computers at the same time</source>
        <translation>حقول عُدّلت على حاسوبين في الوقت نفسه</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Statistics on the cases, with small counts protected (Ctrl+R)</source>
        <translation>إحصاءات عن الحالات مع حماية الأعداد الصغيرة (Ctrl+R)</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>نسخ احتياطي الآن…</translation>
    </message>
    <message>
        <source>Write an encrypted copy of the vault to a file, e.g. on a USB stick</source>
        <translation>كتابة نسخة مشفّرة من الخزنة في ملف، على مفتاح USB مثلًا</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>نسخ الخزنة احتياطيًا</translation>
    </message>
    <message>
        <source>Abri backups (*.abribackup)</source>
        <translation>نسخ Abri الاحتياطية (*.abribackup)</translation>
    </message>
    <message>
        <source>Backing up the vault…</source>
        <translation>جارٍ نسخ الخزنة احتياطيًا…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>تم النسخ الاحتياطي إلى %1.</translation>
    </message>
    <message>
        <source>The vault was backed up to %1. The backup is encrypted like the vault and opens with the same passwords. Keep it somewhere safe, away from this computer.</source>
        <translation>نُسخت الخزنة احتياطيًا إلى %1. النسخة الاحتياطية مشفّرة مثل الخزنة وتُفتح بكلمات المرور نفسها. احفظها في مكان آمن بعيدًا عن هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Days since the last backup: %1. Back up now</source>
        <translation>الأيام منذ آخر نسخة احتياطية: %1. انسخ احتياطيًا الآن</translation>
    </message>
    <message>
        <source>This vault has never been backed up: back up now</source>
        <translation>لم تُنسخ هذه الخزنة احتياطيًا قط: انسخ احتياطيًا الآن</translation>
    </message>
</context>
<context>
    <name>abri::app::NewCaseWizard</name>
    <message>
        <source>Screening outcome: %1. A case code is generated when you finish; the case starts with the status &quot;%2&quot;.</source>
        <translation>نتيجة الفحص: %1. يُنشأ رمز الحالة عند الإنهاء؛ وتبدأ الحالة بالوضع «%2».</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>حالة جديدة</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>الفحص</translation>
    </message>
    <message>
        <source>Step 1 of 3: the elements of trafficking</source>
        <translation>الخطوة 1 من 3: عناصر الاتجار</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <source>Step 2 of 3: what the person wants to tell</source>
        <translation>الخطوة 2 من 3: ما يرغب الشخص في قوله</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>Step 3 of 3: who follows the case</source>
        <translation>الخطوة 3 من 3: من يتابع الحالة</translation>
    </message>
    <message>
        <source>Every field is optional. A person may refuse to give their name; the case is identified by its code.</source>
        <translation>كل الحقول اختيارية. يحق للشخص رفض ذكر اسمه؛ وتُعرَّف الحالة برمزها.</translation>
    </message>
    <message>
        <source>Register the case</source>
        <translation>تسجيل الحالة</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::NotesSection</name>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>corrects an earlier note</source>
        <translation>تصحّح ملاحظة سابقة</translation>
    </message>
    <message>
        <source>replaced by a correction</source>
        <translation>استُبدلت بتصحيح</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>إظهار</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>تصحيح</translation>
    </message>
    <message>
        <source>Hidden: note texts are sensitive.</source>
        <translation>مخفية: نصوص الملاحظات حساسة.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>لا توجد ملاحظات بعد.</translation>
    </message>
    <message>
        <source>Correct the note</source>
        <translation>تصحيح الملاحظة</translation>
    </message>
    <message>
        <source>The corrected note replaces this one; the original stays in the history.</source>
        <translation>تحل الملاحظة المصحَّحة محل هذه الملاحظة؛ ويبقى الأصل في السجل التاريخي.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Notes cannot be edited or deleted. Write facts and decisions; a correction is added as a new note.</source>
        <translation>لا يمكن تعديل الملاحظات أو حذفها. دوّن الوقائع والقرارات؛ ويُضاف التصحيح كملاحظة جديدة.</translation>
    </message>
    <message>
        <source>Reveal all notes</source>
        <translation>إظهار كل الملاحظات</translation>
    </message>
    <message>
        <source>Write a new note…</source>
        <translation>اكتب ملاحظة جديدة…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>إضافة الملاحظة</translation>
    </message>
</context>
<context>
    <name>abri::app::PasswordDialog</name>
    <message>
        <source>The two passwords are different.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>تغيير كلمة المرور الخاصة بي</translation>
    </message>
    <message>
        <source>Reset a password</source>
        <translation>إعادة تعيين كلمة مرور</translation>
    </message>
    <message>
        <source>Choose a new password for %1. Use at least 10 characters; several words are easy to remember and hard to guess.</source>
        <translation>اختر كلمة مرور جديدة للمستخدم %1. استخدم 10 أحرف على الأقل؛ فعدة كلمات سهلة التذكر وصعبة التخمين.</translation>
    </message>
    <message>
        <source>Set a new password for %1 and give it to them in person. They can change it afterwards.</source>
        <translation>عيّن كلمة مرور جديدة للمستخدم %1 وسلّمها له شخصيًا. يمكنه تغييرها بعد ذلك.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>أعد كتابة كلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>تعيين كلمة المرور</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>abri::app::PasswordStrengthMeter</name>
    <message>
        <source>Too short: at least %1 characters</source>
        <translation>قصيرة جدًا: %1 أحرف على الأقل</translation>
    </message>
    <message>
        <source>Weak: add more words or characters</source>
        <translation>ضعيفة: أضف مزيدًا من الكلمات أو الأحرف</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>قوية جدًا</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>قوة كلمة المرور</translation>
    </message>
</context>
<context>
    <name>abri::app::RefusalDialog</name>
    <message>
        <source>Changes refused by the hub</source>
        <translation>تغييرات رفضها المركز</translation>
    </message>
    <message>
        <source>The hub did not accept the changes below. They are kept on this computer, and changes made after them wait until they are accepted.</source>
        <translation>لم يقبل المركز التغييرات أدناه. إنها محفوظة على هذا الحاسوب، والتغييرات التي أُجريت بعدها تنتظر حتى تُقبَل.</translation>
    </message>
    <message>
        <source>The hub has not refused any changes.</source>
        <translation>لم يرفض المركز أي تغييرات.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Refused changes, received %1</source>
        <translation>تغييرات مرفوضة (ورد الإشعار في %1)</translation>
    </message>
    <message>
        <source>The hub&apos;s time: %1</source>
        <translation>توقيت المركز: %1</translation>
    </message>
    <message>
        <source>Correct the date and time of this computer in the system settings, then send the changes again. They get new time stamps; nothing is lost.</source>
        <translation>صحّح تاريخ هذا الحاسوب ووقته في إعدادات النظام، ثم أرسل التغييرات مجددًا. ستحصل على طوابع زمنية جديدة، ولن يضيع شيء.</translation>
    </message>
    <message>
        <source>Nothing can be done about this on this computer. Contact the hub operator.</source>
        <translation>لا يمكن فعل شيء حيال ذلك على هذا الحاسوب. اتصل بمشغّل المركز.</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>رمز الخطأ: %1</translation>
    </message>
    <message>
        <source>Resend with corrected clock</source>
        <translation>إعادة الإرسال بالساعة المصحّحة</translation>
    </message>
    <message>
        <source>Give these changes new time stamps from this computer&apos;s clock and send them again</source>
        <translation>منح هذه التغييرات طوابع زمنية جديدة من ساعة هذا الحاسوب وإرسالها مجددًا</translation>
    </message>
    <message>
        <source>This computer&apos;s time: %1</source>
        <translation>توقيت هذا الحاسوب: %1</translation>
    </message>
</context>
<context>
    <name>abri::app::ReportsPage</name>
    <message>
        <source>Delete saved report</source>
        <translation>حذف التقرير المحفوظ</translation>
    </message>
    <message>
        <source>Delete the saved report “%1”? The cases are not affected.</source>
        <translation>حذف التقرير المحفوظ «%1»؟ لن تتأثر الحالات.</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>تصدير التقرير بصيغة CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>تصدير التقرير بصيغة PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export all built-in reports as one PDF</source>
        <translation>تصدير كل التقارير المدمجة في ملف PDF واحد</translation>
    </message>
    <message>
        <source>Anonymised export for research</source>
        <translation>تصدير مُجهَّل الهوية لأغراض البحث</translation>
    </message>
    <message>
        <source>Built-in reports</source>
        <translation>التقارير المدمجة</translation>
    </message>
    <message>
        <source>My reports</source>
        <translation>تقاريري</translation>
    </message>
    <message>
        <source>None yet: build one with “New cross-tab…”</source>
        <translation>لا يوجد بعد: أنشئ واحدًا عبر «جدول متقاطع جديد…»</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>كل الفترات</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>هذا العام</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>العام الماضي</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>تواريخ مختارة</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>مخطط أعمدة</translation>
    </message>
    <message>
        <source>Pie chart</source>
        <translation>مخطط دائري</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>The report could not be saved as %1. Choose another folder; nothing was written.</source>
        <translation>تعذّر حفظ التقرير باسم %1. اختر مجلدًا آخر؛ لم يُكتب أي شيء.</translation>
    </message>
    <message>
        <source>Running report %v of %m…</source>
        <translation>جارٍ تشغيل التقرير %v من %m…</translation>
    </message>
    <message>
        <source>The export could not be saved as %1. Choose another folder; nothing was written.</source>
        <translation>تعذّر حفظ التصدير باسم %1. اختر مجلدًا آخر؛ لم يُكتب أي شيء.</translation>
    </message>
    <message>
        <source>Persons whose consent covers research: %1</source>
        <translation>الأشخاص الذين تشمل موافقتهم البحث: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>المُصدَّرون: %1</translation>
    </message>
    <message>
        <source>Withheld so that every combination occurs at least %1 times: %2</source>
        <translation>المحجوبون كي تتكرر كل تركيبة %1 مرات على الأقل: %2</translation>
    </message>
    <message>
        <source>Coarsened: %1</source>
        <translation>المعمَّمة: %1</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>New cross-tab…</source>
        <translation>جدول متقاطع جديد…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <source>Round to base 5</source>
        <translation>التقريب إلى مضاعفات 5</translation>
    </message>
    <message>
        <source>Publish every count rounded to a multiple of 5, for an extra layer of protection.</source>
        <translation>نشر كل عدد مقرَّبًا إلى مضاعف للعدد 5 لمزيد من الحماية.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>التقرير بصيغة CSV…</translation>
    </message>
    <message>
        <source>Report as PDF…</source>
        <translation>التقرير بصيغة PDF…</translation>
    </message>
    <message>
        <source>All built-in reports as one PDF…</source>
        <translation>كل التقارير المدمجة في ملف PDF واحد…</translation>
    </message>
    <message>
        <source>Anonymised export for research…</source>
        <translation>تصدير مُجهَّل الهوية لأغراض البحث…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>جدول التقرير</translation>
    </message>
    <message>
        <source>Report chart</source>
        <translation>مخطط التقرير</translation>
    </message>
</context>
<context>
    <name>abri::app::ScreeningStep</name>
    <message>
        <source>The person is a minor: act and purpose are enough, the means are not required (Palermo Protocol, article 3(c)).</source>
        <translation>الشخص قاصر: يكفي توفر الفعل والغرض، ولا تُشترط الوسيلة (بروتوكول باليرمو، المادة 3، الفقرة ج).</translation>
    </message>
    <message>
        <source>For an adult, an act, a means and a purpose must all be present.</source>
        <translation>بالنسبة للبالغ، يجب أن يتوفر الفعل والوسيلة والغرض معًا.</translation>
    </message>
    <message>
        <source>Tick &quot;Screening complete&quot; when no more information is expected.</source>
        <translation>اختر «اكتمل الفحص» حين لا يُنتظر مزيد من المعلومات.</translation>
    </message>
    <message>
        <source>Screen the situation against the definition of trafficking in the Palermo Protocol: an act, carried out by a means, for the purpose of exploitation. Tick everything the person describes; you can complete the screening later.</source>
        <translation>افحص الوضع في ضوء تعريف الاتجار الوارد في بروتوكول باليرمو: فعل يُرتكب بوسيلة لغرض الاستغلال. اختر كل ما يصفه الشخص؛ ويمكنك إكمال الفحص لاحقًا.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Palermo screening</source>
        <translation>الفحص وفق بروتوكول باليرمو</translation>
    </message>
    <message>
        <source>Screening outcome</source>
        <translation>نتيجة الفحص</translation>
    </message>
</context>
<context>
    <name>abri::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>القفل بعد عدم النشاط لمدة</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>Abri locks itself and wipes its keys from memory when nobody touches the keyboard or mouse for this long. Ctrl+L locks at once.</source>
        <translation>يقفل أبري نفسه ويمسح مفاتيحه من الذاكرة إذا لم يلمس أحد لوحة المفاتيح أو الفأرة طوال هذه المدة. يقفل Ctrl+L فورًا.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Minimum cell size for reports</source>
        <translation>الحد الأدنى لحجم الخلية في التقارير</translation>
    </message>
    <message>
        <source>Counts of fewer persons than this are suppressed in every report and export of this vault, so that nobody can be recognised. Applies to all users.</source>
        <translation>تُحجب الأعداد الأقل من هذا الرقم في كل تقارير هذه الخزنة وصادراتها، حتى لا يمكن التعرف على أي شخص. ينطبق ذلك على جميع المستخدمين.</translation>
    </message>
    <message>
        <source>Remind me to back up after</source>
        <translation>ذكّرني بالنسخ الاحتياطي بعد</translation>
    </message>
    <message>
        <source> days</source>
        <translation> يوم</translation>
    </message>
</context>
<context>
    <name>abri::app::SyncStatusWidget</name>
    <message>
        <source>Changes not sent: %1</source>
        <translation>تغييرات لم تُرسَل: %1</translation>
    </message>
    <message>
        <source>Not connected to a hub</source>
        <translation>غير متصل بمركز</translation>
    </message>
    <message>
        <source>Connected to the hub</source>
        <translation>متصل بالمركز</translation>
    </message>
    <message>
        <source>Connecting to the hub…</source>
        <translation>جارٍ الاتصال بالمركز…</translation>
    </message>
    <message>
        <source>Hub not reachable</source>
        <translation>تعذّر الوصول إلى المركز</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>مرفوض من المركز</translation>
    </message>
    <message>
        <source>Sync service not running</source>
        <translation>خدمة المزامنة لا تعمل</translation>
    </message>
    <message>
        <source>Connection state unknown</source>
        <translation>حالة الاتصال غير معروفة</translation>
    </message>
    <message>
        <source>Receiving changes from the hub: %1 left</source>
        <translation>استلام التغييرات من المركز: %1 متبقية</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>لم تتم المزامنة قط</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>آخر مزامنة: %1</translation>
    </message>
    <message>
        <source>The sync service reported an error this version of Abri does not know.</source>
        <translation>أبلغت خدمة المزامنة عن خطأ لا يعرفه هذا الإصدار من أبري.</translation>
    </message>
    <message>
        <source>Changes are sent to the hub by the sync service whenever this computer has a connection, or on a sync drive.</source>
        <translation>ترسل خدمة المزامنة التغييرات إلى المركز كلما توفر اتصال لهذا الحاسوب، أو عبر وسيط مزامنة.</translation>
    </message>
    <message>
        <source>This computer is not enrolled with a hub: changes stay in this vault until it is.</source>
        <translation>هذا الحاسوب غير مسجَّل لدى أي مركز: تبقى التغييرات في هذه الخزنة إلى أن يُسجَّل.</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>التعارضات: %1</translation>
    </message>
    <message>
        <source>Show the fields that were changed on two computers at the same time</source>
        <translation>عرض الحقول التي عُدّلت على حاسوبين في الوقت نفسه</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>رمز الخطأ: %1</translation>
    </message>
    <message>
        <source>Changes refused by the hub: %1</source>
        <translation>تغييرات رفضها المركز: %1</translation>
    </message>
    <message>
        <source>The hub refused changes because of this computer&apos;s clock. Show the hub&apos;s time and send them again</source>
        <translation>رفض المركز تغييرات بسبب ساعة هذا الحاسوب. اعرض توقيت المركز وأعد إرسالها</translation>
    </message>
    <message>
        <source>Show the changes the hub refused and why</source>
        <translation>اعرض التغييرات التي رفضها المركز وسبب رفضها</translation>
    </message>
    <message>
        <source>The hub cannot read the changes this computer sends, even sealed again. They are kept here and will be sent once the hub operator has fixed it.</source>
        <translation>لا يستطيع المركز قراءة التغييرات التي يرسلها هذا الحاسوب، حتى بعد ختمها من جديد. إنها محفوظة هنا وستُرسل حالما يُصلح مشغّل المركز المشكلة.</translation>
    </message>
</context>
<context>
    <name>abri::app::UnlockPage</name>
    <message>
        <source>Abri is locked</source>
        <translation>أبري مقفل</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>مفتاح الاسترداد</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>As written on paper, with or without dashes</source>
        <translation>كما هو مكتوب على الورق، مع الشرطات أو بدونها</translation>
    </message>
    <message>
        <source>Open with the recovery key</source>
        <translation>الفتح بمفتاح الاسترداد</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Back to password</source>
        <translation>العودة إلى كلمة المرور</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>هل نسيت كلمة المرور؟</translation>
    </message>
    <message>
        <source>An administrator can open the vault with the recovery key to reset passwords.</source>
        <translation>يمكن لمدير النظام فتح الخزنة بمفتاح الاسترداد لإعادة تعيين كلمات المرور.</translation>
    </message>
    <message>
        <source>Vault file: %1</source>
        <translation>ملف الخزنة: %1</translation>
    </message>
    <message>
        <source>Abri locked itself because nobody used it for a while. Case data stays encrypted.</source>
        <translation>أقفل أبري نفسه لعدم استخدامه لبعض الوقت. تبقى بيانات الحالات مشفرة.</translation>
    </message>
</context>
<context>
    <name>abri::app::UsersDialog</name>
    <message>
        <source>Disable account</source>
        <translation>تعطيل الحساب</translation>
    </message>
    <message>
        <source>Disable %1? Their password will no longer open the vault; an administrator can enable the account again with a new password.</source>
        <translation>هل تريد تعطيل %1؟ لن تفتح كلمة مروره الخزنة بعد الآن؛ ويمكن لمدير النظام إعادة تفعيل الحساب بكلمة مرور جديدة.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>تفعيل…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>تعطيل</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Recovery session: you can reset passwords. Case data is not accessible.</source>
        <translation>جلسة استرداد: يمكنك إعادة تعيين كلمات المرور. بيانات الحالات غير متاحة.</translation>
    </message>
    <message>
        <source>Accounts of this vault. Disabling an account removes its key at once; its history stays.</source>
        <translation>حسابات هذه الخزنة. تعطيل الحساب يزيل مفتاحه فورًا؛ ويبقى سجله.</translation>
    </message>
    <message>
        <source>Accounts of this vault. You can change your own password.</source>
        <translation>حسابات هذه الخزنة. يمكنك تغيير كلمة مرورك.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الحساب</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>إضافة مستخدم…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>إعادة تعيين كلمة المرور…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>تغيير كلمة المرور الخاصة بي…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>abri::app::Workspace</name>
    <message>
        <source>Cases</source>
        <translation>الحالات</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
</context>
</TS>
