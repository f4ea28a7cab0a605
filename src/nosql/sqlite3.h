/* sqlite3.h, as the layers above the store see it
 *
 * Copyright 2026 The Aixinwu POS developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * printer, sync, render, the CLI and the GUI are built with this folder
 * first on their include path, so SQL outside src/store and src/district
 * does not compile (docs/architecture.md). Call a store function instead.
 */
#error "No SQL outside src/store: call a store function (docs/architecture.md, the layers)"
