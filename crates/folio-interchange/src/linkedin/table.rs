//! One CSV file of the export, read the way LinkedIn writes them: a UTF-8 byte-order
//! mark, sometimes a "Notes:" preamble before the header, quoted fields that run over
//! several lines. Columns are found by name, so their order and any new ones do not
//! matter; a column Folio does not know is noted once.

use crate::{Error, Note, Result};

/// The rows of one file, by column name.
pub(super) struct Table {
    pub name: &'static str,
    header: Vec<String>,
    rows: Vec<csv::StringRecord>,
}

/// One row: its number as a spreadsheet shows it (the header is row 1), and its cells.
pub(super) struct Row<'a> {
    table: &'a Table,
    pub number: usize,
    record: &'a csv::StringRecord,
}

impl Table {
    /// Reads `text` as the file `name`, whose columns Folio reads are `columns` (and knows
    /// but leaves out, `ignored`). Returns `None`, noted, if no header names any of them.
    pub fn read(
        name: &'static str,
        text: &str,
        columns: &[&str],
        ignored: &[&str],
        notes: &mut Vec<Note>,
    ) -> Result<Option<Table>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut records = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| Error::at(name, format!("is not a CSV file LinkedIn wrote: {e}")))?;
            records.push(record);
        }
        // The header is the first line that names a column Folio reads: anything before it
        // ("Notes:" and LinkedIn's explanation) is preamble.
        let is_header =
            |r: &csv::StringRecord| r.iter().any(|cell| columns.iter().any(|c| c.eq_ignore_ascii_case(cell.trim())));
        let Some(at) = records.iter().position(is_header) else {
            notes.push(Note::new(name, "none of the columns Folio reads; nothing read from it"));
            return Ok(None);
        };
        let header: Vec<String> = records[at].iter().map(|c| c.trim().to_string()).collect();
        for column in &header {
            let knows = |list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(column));
            if !column.is_empty() && !knows(columns) && !knows(ignored) {
                notes.push(Note::new(format!("{name} ({column})"), "a column Folio does not know; not imported"));
            }
        }
        let rows = records.split_off(at + 1).into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
        Ok(Some(Table { name, header, rows }))
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().enumerate().map(move |(i, record)| Row { table: self, number: i + 2, record })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|c| c.eq_ignore_ascii_case(name))
    }

    /// Notes each column of `ignored` that has a value in some row: it is left out.
    pub fn note_ignored(&self, ignored: &[&str], why: &str, notes: &mut Vec<Note>) {
        for column in ignored {
            if self.rows().any(|row| !row.get(column).is_empty()) {
                notes.push(Note::new(format!("{} ({column})", self.name), why.to_string()));
            }
        }
    }
}

impl Row<'_> {
    /// The trimmed cell of `column`; empty when the file has no such column.
    pub fn get(&self, column: &str) -> &str {
        self.table.column(column).and_then(|i| self.record.get(i)).map(str::trim).unwrap_or_default()
    }

    /// Where this row is, for the report: "Positions.csv row 3".
    pub fn at(&self) -> String {
        format!("{} row {}", self.table.name, self.number)
    }
}
