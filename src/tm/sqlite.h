// A thin RAII layer over the SQLite C API, private to the tm module. Failures
// throw DatabaseError; the Store turns them into Error values at its surface.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace edsync::tm::sql {

struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_null(int index);
  bool step();  // true while a row is available
  void run();   // steps to the end, then resets
  void reset();

  std::int64_t integer(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

class Database {
 public:
  explicit Database(const std::string& path);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void execute(std::string_view sql);  // one or more statements, no results
  // A statement prepared once and reset before each use.
  Statement& cached(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;  // rows the last INSERT, UPDATE or DELETE changed
  bool in_transaction() const;
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// The statements run while it lives share one read transaction, unless one
// is open already. Outside a transaction SQLite takes and drops its locks
// around every statement: about thirty system calls for each of the
// several queries of a lookup, most of a long `todo`'s time.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction();  // commits (a read changes nothing), errors ignored

 private:
  Database* db_ = nullptr;  // null when a transaction was open already
};

}  // namespace edsync::tm::sql
