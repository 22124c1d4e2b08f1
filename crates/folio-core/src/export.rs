//! Exporting an edition to a file — a PDF, or Word, plain text or Markdown — safely:
//! the file is written to a temporary file beside the target and renamed into place,
//! so a failed export never damages an earlier one; every export is recorded with a
//! snapshot of what it contained.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use folio_model::fields::Fields;
use folio_model::{DocumentFormat, Edition, ExportRecord, ExportSnapshot, FileType, Paper};
use folio_render::{layout, pdf, LayoutOptions, PdfOptions, Rgb, Theme};
use folio_store::now_millis;
use folio_store::tables::export_records;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;
use uuid::Uuid;

use crate::files::write_atomically;
use crate::{redact, Error, Folio, Result};

/// What to export. Unset fields come from the edition, or the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExportRequest {
    pub edition: Option<Uuid>,
    pub theme: Option<String>,
    pub paper: Option<Paper>,
    pub format: Option<DocumentFormat>,
    /// The type of file an export writes; a PDF when unset.
    pub file: Option<FileType>,
}

/// What an export did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub record: ExportRecord,
    pub theme: String,
    pub paper: Paper,
    #[ts(type = "number")]
    pub millis: u64,
    /// Things the user should know, e.g. characters no bundled font has.
    pub warnings: Vec<String>,
}

/// A theme as the UI and the CLI list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeInfo {
    pub name: String,
    pub description: String,
}

/// Every theme, the default first.
pub fn themes() -> Vec<ThemeInfo> {
    folio_render::themes()
        .iter()
        .map(|t| ThemeInfo { name: t.name.into(), description: t.description.into() })
        .collect()
}

fn unknown_theme(name: &str) -> Error {
    let names: Vec<_> = folio_render::themes().iter().map(|t| t.name).collect();
    Error::invalid("theme", format!("\"{name}\" is not a theme; choose one of {}", names.join(", ")))
}

/// The theme a snapshot names.
pub(crate) fn theme_named(name: &str) -> Result<&'static Theme> {
    folio_render::theme(name).ok_or_else(|| unknown_theme(name))
}

/// A PDF in memory, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: u32,
    pub theme: &'static str,
    pub paper: Paper,
    pub warnings: Vec<String>,
    /// What it prints, field by field: what the ATS check reads back.
    pub fields: Fields,
    /// A fingerprint of each page's look, for the live preview to redraw only the pages
    /// that changed (see `folio_render::Page::fingerprint`); empty but for a preview.
    pub page_prints: Vec<u64>,
}

/// Hex SHA-256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A snapshot as stored with its export record.
pub(crate) fn snapshot_json(snapshot: &ExportSnapshot) -> String {
    serde_json::to_string(snapshot).expect("a snapshot always serialises")
}

impl Folio {
    /// What an export of the portfolio (or of one edition) would contain now: the
    /// portfolio as it will be laid out, redactions applied, and the look to give it.
    pub fn export_snapshot_now(&self, request: &ExportRequest) -> Result<ExportSnapshot> {
        let mut portfolio = self.portfolio(request.edition)?;
        // A letter with no date of its own bears the day it is exported.
        if let Some(letter) = portfolio.edition.as_mut().map(|e| &mut e.item.letter).filter(|l| l.date.is_none()) {
            let today = jiff::Zoned::now().date();
            let (year, month, day) = (today.year() as u16, today.month() as u8, today.day() as u8);
            letter.date = folio_model::PartialDate::day(year, month, day);
        }
        let edition: Option<&Edition> = portfolio.edition.as_ref().map(|e| &e.item);
        let theme = request.theme.clone().or_else(|| edition.map(|e| e.theme.clone())).unwrap_or_default();
        let theme = match theme.trim() {
            "" => folio_render::themes()[0].name.to_string(),
            name => folio_render::theme(name).ok_or_else(|| unknown_theme(name))?.name.to_string(),
        };
        let paper = request.paper.or(edition.map(|e| e.paper)).unwrap_or_default();
        let format = request.format.or(edition.map(|e| e.format)).unwrap_or_default();
        let file = request.file.unwrap_or_default();
        Ok(ExportSnapshot { portfolio, theme, paper, format, file, created: now_millis() / 1000 })
    }

    /// Lays out and serialises a PDF of the portfolio (or of one edition) in memory:
    /// what the live preview shows and what an export writes.
    pub fn render_pdf(&self, request: &ExportRequest) -> Result<Rendered> {
        self.render_snapshot(&self.export_snapshot_now(request)?)
    }

    /// The PDF the live preview draws: what [`Folio::render_pdf`] makes, dated at the
    /// epoch. A preview is drawn, never saved, and with no clock in it the same content
    /// gives the same bytes, which is how the preview knows that an edit changed nothing
    /// the PDF shows (a note, say) and need not be drawn again.
    pub fn render_preview(&self, request: &ExportRequest) -> Result<Rendered> {
        let snapshot = self.export_snapshot_now(request)?;
        self.render(&ExportSnapshot { created: 0, file: FileType::Pdf, ..snapshot }, true)
    }

    /// Renders a snapshot: the same snapshot gives the same bytes, so a past export
    /// can be shown again as it was sent (as long as its images are still kept).
    pub fn render_snapshot(&self, snapshot: &ExportSnapshot) -> Result<Rendered> {
        self.render(snapshot, false)
    }

    /// Renders a snapshot, with each page's fingerprint when `fingerprints` is set (only
    /// the preview compares pages: an export does not hash every glyph for nothing).
    fn render(&self, snapshot: &ExportSnapshot, fingerprints: bool) -> Result<Rendered> {
        let portfolio = &snapshot.portfolio;
        let edition: Option<&Edition> = portfolio.edition.as_ref().map(|e| &e.item);
        let theme = theme_named(&snapshot.theme)?;
        let accent = edition.and_then(|e| Rgb::parse_hex(&e.accent));
        let images = self.images_of(portfolio)?;
        let paper = snapshot.paper;
        let format = snapshot.format;
        let document = layout(portfolio, &LayoutOptions { theme, paper, format, accent, images: &images });
        if let Some(e) = edition {
            redact::check_no_trace(&document, &e.redactions)?;
        }
        // The document id names the edition, so that every export of it is one document.
        let identity = portfolio.edition.as_ref().map_or_else(|| "folio-portfolio".to_string(), |e| e.id.to_string());
        let mut document_id = [0u8; 16];
        document_id.copy_from_slice(&Sha256::digest(identity.as_bytes())[..16]);
        let bytes = pdf(&document, &PdfOptions { created: snapshot.created, document_id }, &images)?;
        Ok(Rendered {
            bytes,
            pages: document.pages.len() as u32,
            page_prints: if fingerprints {
                document.pages.iter().map(folio_render::Page::fingerprint).collect()
            } else {
                Vec::new()
            },
            theme: theme.name,
            paper,
            warnings: document.warnings,
            fields: document.fields,
        })
    }

    /// How an applicant tracking system would read the PDF of the portfolio (or of one
    /// edition): the PDF the preview shows — the résumé, when it shows a letter — read
    /// back and parsed as such systems do, each field compared with what it printed.
    pub fn ats_check(&self, request: &ExportRequest) -> Result<folio_ats::Report> {
        let rendered = self.render_preview(&self.ats_request(request)?)?;
        Ok(folio_ats::check(&rendered.bytes, &rendered.fields)?)
    }

    /// The text of that PDF as a parser takes it, line by line in drawing order.
    pub fn ats_text(&self, request: &ExportRequest) -> Result<Vec<String>> {
        Ok(folio_ats::text(&self.render_preview(&self.ats_request(request)?)?.bytes)?)
    }

    /// What an applicant tracking system is given: the résumé, for an edition whose
    /// document is its cover letter or the bundle (a parser reads the résumé in it).
    fn ats_request(&self, request: &ExportRequest) -> Result<ExportRequest> {
        let edition = request.edition.map(|id| self.get::<Edition>(id)).transpose()?;
        let format = request.format.or(edition.map(|e| e.item.format)).unwrap_or_default();
        let format = match format {
            DocumentFormat::Letter | DocumentFormat::Bundle => DocumentFormat::Resume,
            other => other,
        };
        Ok(ExportRequest { format: Some(format), ..request.clone() })
    }

    /// Writes the portfolio (or one edition) to `path` as the request's file type — a
    /// PDF unless it asks for another — and records the export with a snapshot of
    /// what it contained.
    ///
    /// # Errors
    /// [`Error::Invalid`] on `file` when the path's extension names another type: a
    /// Word file named `.pdf` would not open.
    pub fn export(&self, path: &Path, request: &ExportRequest) -> Result<ExportReport> {
        let started = Instant::now();
        let file = request.file.unwrap_or_default();
        let named = path.extension().and_then(|e| e.to_str()).and_then(FileType::from_extension);
        if let Some(named) = named.filter(|&named| named != file) {
            return Err(Error::invalid(
                "file",
                format!(
                    "the file name ends in .{} but the export is {}; name it .{}",
                    named.extension(),
                    file.label(),
                    file.extension()
                ),
            ));
        }
        let snapshot = self.export_snapshot_now(request)?;
        let rendered = self.write_snapshot(&snapshot)?;
        write_atomically(path, &rendered.bytes)?;
        let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let record = ExportRecord {
            id: Uuid::now_v7(),
            edition: request.edition,
            exported_at: now_millis(),
            path: shown.display().to_string(),
            sha256: sha256_hex(&rendered.bytes),
            pages: rendered.pages,
            bytes: rendered.bytes.len() as u64,
        };
        let json = snapshot_json(&snapshot);
        self.store().write(|tx| export_records::insert(tx, &record, Some(&json)))?;
        Ok(ExportReport {
            record,
            theme: rendered.theme.into(),
            paper: rendered.paper,
            millis: started.elapsed().as_millis() as u64,
            warnings: rendered.warnings,
        })
    }

    /// Writes a past export's file again, from its snapshot, to `path`; returns whether
    /// the bytes are those that were sent (their SHA-256 matches the record's).
    pub fn reprint_export(&self, id: Uuid, path: &Path) -> Result<bool> {
        let record = self.export_record(id)?;
        let rendered = self.write_snapshot(&self.export_snapshot(id)?)?;
        write_atomically(path, &rendered.bytes)?;
        Ok(sha256_hex(&rendered.bytes) == record.sha256)
    }

    /// The snapshot of what a past export contained.
    pub fn export_snapshot(&self, id: Uuid) -> Result<ExportSnapshot> {
        let json = export_records::snapshot(self.store().read(), id)?.ok_or_else(|| {
            Error::invalid("export", "this export was made before Folio kept snapshots of what was sent")
        })?;
        serde_json::from_str(&json).map_err(|e| {
            Error::invalid("export", format!("its snapshot cannot be read by this version of Folio ({e})"))
        })
    }

    /// A file name for an export: "Jane Doe — Staff Engineer — Acme.pdf".
    pub fn suggested_file_name(&self, edition: Option<Uuid>, file: FileType) -> Result<String> {
        let name = self.profile()?.full_name.trim().to_string();
        let mut parts = vec![if name.is_empty() { "Portfolio".to_string() } else { name }];
        if let Some(id) = edition {
            let e = self.get::<Edition>(id)?.item;
            parts.extend([e.target_role, e.target_company].into_iter().filter(|p| !p.trim().is_empty()));
            if parts.len() == 1 {
                parts.push(e.name);
            }
        }
        let name: String = parts
            .iter()
            .map(|p| p.trim())
            .collect::<Vec<_>>()
            .join(" — ")
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c })
            .collect();
        Ok(format!("{name}.{}", file.extension()))
    }

    /// The file of a past export, for the system's viewer or file manager — only while
    /// it is still the file this machine wrote: the record's path may come from a
    /// backup made anywhere, and is data, never something to open on its word.
    ///
    /// # Errors
    /// [`Error::ExportUnavailable`] when the file is gone, is not a regular file or
    /// not of a type Folio exports, or its bytes are not the ones exported (SHA-256).
    pub fn exported_file(&self, id: Uuid) -> Result<PathBuf> {
        let record = self.export_record(id)?;
        let path = Path::new(&record.path);
        let unavailable = |why: &str| Error::ExportUnavailable(format!("{} {why}", record.path));
        // A path on another machine (`\\host\share`, `//host/…`) is not asked about at all:
        // even looking would reach out to that host.
        let remote = record.path.starts_with("\\\\") || record.path.starts_with("//");
        let file_type = path.extension().and_then(|e| e.to_str()).and_then(FileType::from_extension);
        let Some(file_type) = file_type.filter(|_| !remote && record.validate().is_ok()) else {
            return Err(unavailable("is not the path of a file Folio wrote"));
        };
        // The file that will be opened is the one checked: links resolved first.
        let file = std::fs::canonicalize(path).map_err(|_| unavailable("is no longer there"))?;
        let metadata = std::fs::metadata(&file).map_err(|_| unavailable("is no longer there"))?;
        if !metadata.is_file() {
            return Err(unavailable("is not a file"));
        }
        let changed = || unavailable("has changed since Folio exported it; open it from its folder");
        if metadata.len() != record.bytes {
            return Err(changed());
        }
        let mut bytes = Vec::with_capacity(record.bytes as usize);
        let reader = std::fs::File::open(&file).map_err(|e| Error::io("read", &file, e))?;
        reader.take(record.bytes).read_to_end(&mut bytes).map_err(|e| Error::io("read", &file, e))?;
        let magic: &[u8] = match file_type {
            FileType::Pdf => b"%PDF-",
            FileType::Docx => b"PK\x03\x04",
            FileType::Text | FileType::Markdown => b"",
        };
        if !bytes.starts_with(magic) || sha256_hex(&bytes) != record.sha256 {
            return Err(changed());
        }
        Ok(file)
    }

    /// One past export.
    pub fn export_record(&self, id: Uuid) -> Result<ExportRecord> {
        self.exports(None)?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| Error::Store(folio_store::Error::NotFound { kind: "export", id: id.to_string() }))
    }

    /// Past exports, newest first; those of one edition when given.
    pub fn exports(&self, edition: Option<Uuid>) -> Result<Vec<ExportRecord>> {
        Ok(export_records::list(self.store().read(), edition)?)
    }
}
