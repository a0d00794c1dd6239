// main() of the test executables without their own (the app's sets up Qt first).
#include "support/catch_session.h"

int main(int argc, char* argv[]) { return abri::test::runCatchSession(argc, argv); }
