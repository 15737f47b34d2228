// The database schema and its migrations. Private to the tm module.
#pragma once

#include "sqlite.h"

namespace edsync::tm {

// Brings the database to kSchemaVersion inside one transaction; returns the
// version found. Throws DatabaseError, or std::runtime_error for a database
// written by a newer edsync.
int migrate(sql::Database& db);

}  // namespace edsync::tm
