#pragma once

#include <string>

#include "edsync/report.h"

namespace edsync {

MemorySize memory_size(const Workspace& workspace, const std::string& lang);

}  // namespace edsync
