#include "cli.h"

int main(int argc, char** argv) { return edsync::cli::run(argc, argv); }
