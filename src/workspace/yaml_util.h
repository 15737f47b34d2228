// Private helpers over yaml-cpp; nothing here leaves the workspace module.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace edsync::yaml_util {

// yaml-cpp counts from 0; files are read by people counting from 1.
inline int line_of(const YAML::Mark& mark, int first_line) { return mark.line + first_line; }
inline int column_of(const YAML::Mark& mark) { return mark.column + 1; }

// yaml-cpp's messages start lower-case and carry no position; keep them as they are.
inline std::string describe(const YAML::Exception& error) { return error.msg; }

}  // namespace edsync::yaml_util
