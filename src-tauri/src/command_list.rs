// The desktop app's IPC commands, each named once, here. `build.rs` includes this file
// to give every command a permission (which `capabilities/main.json` must grant), and
// `lib.rs` to register the handlers and to list the names for the tests that keep the
// capability file and the UI's command names in step. Adding a command: write it in
// `commands.rs`, name it here, grant `allow-<name>` in the capability file, call it
// from `ui/src/lib/api.ts` (`make bindings` regenerates the names the UI may call).
//
// This file is `include!`d by a build script, so it holds only macros.

/// Calls the macro `$then` with every command's name, in the order the UI's API lists
/// them.
macro_rules! with_commands {
    ($then:ident) => {
        $then!(
            status,
            start_empty,
            load_demo,
            get_profile,
            update_profile,
            list_records,
            create_record,
            create_blank,
            update_record,
            delete_record,
            restore_record,
            reorder_records,
            trash,
            empty_trash,
            search,
            known_technologies,
            metric_presets,
            describe_metric,
            themes,
            markdown,
            preview_pdf,
            ats_check,
            export_document,
            exports,
            snapshot_pdf,
            coach,
            linkedin_kit,
            mark_linkedin_copied,
            match_posting,
            draft_letter,
            suggested_export_path,
            open_export,
            show_database,
            open_guide,
            import_file,
            import_image,
            import_image_bytes,
            thumbnail,
            export_file,
            backup_database,
            restore_database
        )
    };
}

/// The names of the commands given to it, as strings.
macro_rules! names {
    ($($name:ident),*) => {
        &[$(stringify!($name)),*]
    };
}
