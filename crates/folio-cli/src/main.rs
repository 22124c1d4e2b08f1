fn main() -> std::process::ExitCode {
    folio_cli::main()
}
