//! The IPC commands: each parses its input, calls one `folio-core` use-case on a
//! blocking thread and maps the error to `{ code, message, field }`.

use folio_core::{
    AtsReport, CoachReport, ErrorInfo, ExportReport, ExportRequest, FileFormat, ImportMode, ImportReport, KitField,
    LinkedinKit, MatchReport, SearchHit, Stats, Status, ThemeInfo, TrashItem,
};
use folio_model::{
    Asset, Edition, EntityKind, ExportRecord, FileType, Invalid, Metric, MetricPreset, MetricSummary, Profile, Record,
    Stored,
};
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::State;
use uuid::Uuid;

use crate::AppState;

type Reply<T> = Result<T, ErrorInfo>;

#[tauri::command]
pub async fn status(state: State<'_, AppState>) -> Reply<Status> {
    state.run(|f| f.status()).await
}

#[tauri::command]
pub async fn start_empty(state: State<'_, AppState>) -> Reply<()> {
    state.run(|f| f.start_empty()).await
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Reply<Stats> {
    state.run(|f| f.load_demo(false)).await
}

#[tauri::command]
pub async fn get_profile(state: State<'_, AppState>) -> Reply<Profile> {
    state.run(|f| f.profile()).await
}

#[tauri::command]
pub async fn update_profile(state: State<'_, AppState>, profile: Profile) -> Reply<Profile> {
    state.run(move |f| f.update_profile(&profile)).await
}

#[tauri::command]
pub async fn list_records(state: State<'_, AppState>, kind: EntityKind) -> Reply<Vec<Stored<Record>>> {
    state.run(move |f| f.list_records(kind)).await
}

#[tauri::command]
pub async fn create_record(state: State<'_, AppState>, record: Record) -> Reply<Stored<Record>> {
    state.run(move |f| f.create_record(&record)).await
}

#[tauri::command]
pub async fn create_blank(state: State<'_, AppState>, kind: EntityKind) -> Reply<Stored<Record>> {
    state.run(move |f| f.create_record(&Record::blank(kind))).await
}

#[tauri::command]
pub async fn update_record(state: State<'_, AppState>, id: Uuid, record: Record) -> Reply<Stored<Record>> {
    state.run(move |f| f.update_record(id, &record)).await
}

#[tauri::command]
pub async fn delete_record(state: State<'_, AppState>, kind: EntityKind, id: Uuid) -> Reply<()> {
    state.run(move |f| f.delete(kind, id)).await
}

#[tauri::command]
pub async fn restore_record(state: State<'_, AppState>, kind: EntityKind, id: Uuid) -> Reply<()> {
    state.run(move |f| f.restore_any(kind, id)).await
}

#[tauri::command]
pub async fn reorder_records(state: State<'_, AppState>, kind: EntityKind, ids: Vec<Uuid>) -> Reply<()> {
    state.run(move |f| f.reorder(kind, &ids)).await
}

#[tauri::command]
pub async fn trash(state: State<'_, AppState>) -> Reply<Vec<TrashItem>> {
    state.run(|f| f.trash()).await
}

#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Reply<u64> {
    state.run(|f| f.empty_trash()).await
}

#[tauri::command]
pub async fn search(state: State<'_, AppState>, text: String) -> Reply<Vec<SearchHit>> {
    state.run(move |f| f.search(&text, 30)).await
}

/// The technologies Folio knows, with the category each gets when added as a tag.
#[tauri::command]
pub fn known_technologies() -> Vec<folio_model::Technology> {
    folio_model::known_technologies()
}

#[tauri::command]
pub fn metric_presets() -> Vec<MetricPreset> {
    folio_model::metric_presets()
}

#[tauri::command]
pub fn describe_metric(metric: Metric) -> MetricSummary {
    metric.summary()
}

/// Markdown as blocks of styled text, for a preview that never inserts HTML.
#[tauri::command]
pub fn markdown(text: String) -> Vec<folio_core::MarkdownBlock> {
    folio_core::markdown(&text)
}

#[tauri::command]
pub fn themes() -> Vec<ThemeInfo> {
    folio_core::themes()
}

/// The PDF for the live preview, as raw bytes (an ArrayBuffer in the UI): first the
/// number of pages (u32, little-endian), then each page's fingerprint (u64,
/// little-endian) — which tell the preview the pages it need not draw again — then the
/// PDF. `ui/src/lib/api.ts` reads it.
#[tauri::command]
pub async fn preview_pdf(state: State<'_, AppState>, request: ExportRequest) -> Reply<Response> {
    let rendered = state.run(move |f| f.render_preview(&request)).await?;
    let mut body = Vec::with_capacity(4 + rendered.page_prints.len() * 8 + rendered.bytes.len());
    body.extend((rendered.page_prints.len() as u32).to_le_bytes());
    for print in &rendered.page_prints {
        body.extend(print.to_le_bytes());
    }
    body.extend(rendered.bytes);
    Ok(Response::new(body))
}

/// How an applicant tracking system would read the preview's PDF.
#[tauri::command]
pub async fn ats_check(state: State<'_, AppState>, request: ExportRequest) -> Reply<AtsReport> {
    state.run(move |f| f.ats_check(&request)).await
}

/// Writes the edition as the request's file type (a PDF, Word, text or Markdown).
#[tauri::command]
pub async fn export_document(state: State<'_, AppState>, path: String, request: ExportRequest) -> Reply<ExportReport> {
    state.run(move |f| f.export(std::path::Path::new(&path), &request)).await
}

/// A past export's PDF, made again from its snapshot: what the application received.
#[tauri::command]
pub async fn snapshot_pdf(state: State<'_, AppState>, id: Uuid) -> Reply<Response> {
    state.run(move |f| f.render_snapshot(&f.export_snapshot(id)?)).await.map(|r| Response::new(r.bytes))
}

/// The LinkedIn kit of the whole portfolio, or of what one edition exports.
#[tauri::command]
pub async fn linkedin_kit(state: State<'_, AppState>, edition: Option<Uuid>) -> Reply<LinkedinKit> {
    state.run(move |f| f.linkedin_kit(edition)).await
}

/// Remembers that a field of the LinkedIn kit was copied as it reads now.
#[tauri::command]
pub async fn mark_linkedin_copied(state: State<'_, AppState>, key: String, edition: Option<Uuid>) -> Reply<KitField> {
    state.run(move |f| f.mark_linkedin_copied(&key, edition)).await
}

/// The coach's report on the whole portfolio, or on what one edition exports.
#[tauri::command]
pub async fn coach(state: State<'_, AppState>, edition: Option<Uuid>) -> Reply<CoachReport> {
    state.run(move |f| f.coach(edition)).await
}

/// How well an edition answers the job posting pasted into it.
#[tauri::command]
pub async fn match_posting(state: State<'_, AppState>, edition: Uuid) -> Reply<MatchReport> {
    state.run(move |f| f.match_posting(edition, None)).await
}

/// Writes a first draft of the edition's cover letter into it, and returns the edition.
#[tauri::command]
pub async fn draft_letter(state: State<'_, AppState>, edition: Uuid) -> Reply<Stored<Edition>> {
    state.run(move |f| f.draft_letter(edition)).await
}

#[tauri::command]
pub async fn exports(state: State<'_, AppState>, edition: Option<Uuid>) -> Reply<Vec<ExportRecord>> {
    state.run(move |f| f.exports(edition)).await
}

/// Where the save dialog starts: the folder of the last export (if it is still there),
/// else Documents, else home; and a file name such as "Jane Doe — Staff Engineer — Acme.pdf".
#[tauri::command]
pub async fn suggested_export_path(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    edition: Option<Uuid>,
    file: Option<FileType>,
) -> Reply<String> {
    use tauri::Manager;
    let file = file.unwrap_or_default();
    let (name, last) =
        state.run(move |f| Ok((f.suggested_file_name(edition, file)?, f.exports(None)?.into_iter().next()))).await?;
    let last_dir = last.and_then(|r| std::path::Path::new(&r.path).parent().map(std::path::Path::to_path_buf));
    let paths = app.path();
    let dir = last_dir
        .filter(|d| d.is_dir())
        .or_else(|| paths.document_dir().ok().filter(|d| d.is_dir()))
        .or_else(|| paths.home_dir().ok());
    Ok(dir.map_or_else(|| name.clone(), |d| d.join(&name).display().to_string()))
}

/// Opens an exported file in the system's viewer, or shows it in its folder: found by
/// its export record (the UI cannot name a path) and only while it is the very file
/// this machine exported (a record from a backup cannot launch anything).
#[tauri::command]
pub async fn open_export(app: tauri::AppHandle, state: State<'_, AppState>, id: Uuid, reveal: bool) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = state.run(move |f| f.exported_file(id)).await?;
    let opener = app.opener();
    let done = if reveal {
        opener.reveal_item_in_dir(&path)
    } else {
        opener.open_path(path.display().to_string(), None::<&str>)
    };
    done.map_err(|e| ErrorInfo::internal(format!("could not open {}: {e}", path.display())))
}

/// Shows the database file in its folder, from *About Folio*.
#[tauri::command]
pub async fn show_database(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = state.run(|f| Ok(f.database_path())).await?;
    let path = path.ok_or_else(|| ErrorInfo::internal("this portfolio is kept in memory, not in a file"))?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| ErrorInfo::internal(format!("could not show {}: {e}", path.display())))
}

/// Where the guide (the README) is on this machine: installed by the package, or in
/// the source tree of a build run from it. Never fetched from the network.
fn guide_path() -> Option<std::path::PathBuf> {
    [
        std::path::Path::new("/usr/share/doc/folio/README.md"),
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .map(std::path::Path::to_path_buf)
}

/// Opens the guide in the system's viewer for Markdown or text, from *About Folio*.
#[tauri::command]
pub async fn open_guide(app: tauri::AppHandle) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = guide_path().ok_or_else(|| {
        ErrorInfo::internal("the guide is not on this machine; it is README.md in Folio's source and package")
    })?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| ErrorInfo::internal(format!("could not open {}: {e}", path.display())))
}

/// Imports an image file (chosen in the open dialog or dropped on the window); the
/// same image twice gives back the asset already stored.
#[tauri::command]
pub async fn import_image(state: State<'_, AppState>, path: String) -> Reply<Asset> {
    state.run(move |f| f.import_image_file(std::path::Path::new(&path))).await
}

/// Imports a pasted image: the call's raw body is the file's bytes, and the header
/// `x-file-name` its original name, percent-encoded because headers carry only ASCII.
#[tauri::command]
pub async fn import_image_bytes(state: State<'_, AppState>, request: Request<'_>) -> Reply<Asset> {
    let InvokeBody::Raw(bytes) = request.body() else {
        let refused = folio_core::Error::from(Invalid::field("image", "must be sent as the file's raw bytes"));
        return Err(ErrorInfo::from(refused));
    };
    let bytes = bytes.clone();
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|v| percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned())
        .unwrap_or_default();
    state.run(move |f| f.import_image(&bytes, &name)).await
}

/// An asset's thumbnail as raw bytes (an ArrayBuffer in the UI, shown as a `blob:` URL;
/// the UI tells the format from the bytes).
#[tauri::command]
pub async fn thumbnail(state: State<'_, AppState>, id: Uuid) -> Reply<Response> {
    state.run(move |f| f.thumbnail(id)).await.map(|(_media_type, bytes)| Response::new(bytes))
}

/// Reads an import file and reports what it holds; with `dryRun` false, imports it
/// (into a portfolio that is not empty only with a mode: merge or replace).
#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: String,
    mode: Option<ImportMode>,
    dry_run: bool,
) -> Reply<ImportReport> {
    state.run(move |f| f.import_file(std::path::Path::new(&path), mode, dry_run)).await
}

#[tauri::command]
pub async fn export_file(
    state: State<'_, AppState>,
    path: String,
    format: FileFormat,
    edition: Option<Uuid>,
) -> Reply<u64> {
    state.run(move |f| f.export_file(std::path::Path::new(&path), format, edition)).await
}

#[tauri::command]
pub async fn backup_database(state: State<'_, AppState>, path: String) -> Reply<()> {
    state.run(move |f| f.backup_database(std::path::Path::new(&path))).await
}

/// Replaces the portfolio with a database copy; returns where the previous one was kept.
#[tauri::command]
pub async fn restore_database(state: State<'_, AppState>, path: String) -> Reply<String> {
    state.run(move |f| f.restore_database(std::path::Path::new(&path)).map(|p| p.display().to_string())).await
}
