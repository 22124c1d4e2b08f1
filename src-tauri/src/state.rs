//! The app's one piece of state: the open portfolio, or why it could not be opened.

use std::sync::Arc;

use folio_core::{ErrorInfo, Folio};

#[derive(Debug)]
pub struct AppState {
    /// A database that fails to open (not a Folio file, from a newer Folio…) does not
    /// stop the window: every command answers with the reason, and the UI shows it.
    folio: Result<Arc<Folio>, ErrorInfo>,
}

impl AppState {
    pub fn open() -> Self {
        let folio = folio_core::database_path_from_env()
            .and_then(|path| Folio::open(&path))
            .map(Arc::new)
            .map_err(ErrorInfo::from);
        Self { folio }
    }

    /// Runs a core use-case on a blocking thread, off the async runtime.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Folio) -> folio_core::Result<T> + Send + 'static,
    ) -> Result<T, ErrorInfo> {
        let folio = Arc::clone(self.folio.as_ref().map_err(Clone::clone)?);
        tauri::async_runtime::spawn_blocking(move || f(&folio))
            .await
            .map_err(|e| ErrorInfo::internal(e.to_string()))?
            .map_err(ErrorInfo::from)
    }
}
