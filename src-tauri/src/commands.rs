//! The IPC commands: each parses its input, calls one `folio-core` use-case and maps
//! the error to `{ code, message, field }`.

use folio_core::{ErrorInfo, Stats, Status};
use folio_model::{CaseStudy, Profile, Stored};
use tauri::State;

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
pub async fn list_case_studies(state: State<'_, AppState>) -> Reply<Vec<Stored<CaseStudy>>> {
    state.run(|f| f.list::<CaseStudy>()).await
}
