//! The `geolint` binary.

fn main() -> std::process::ExitCode {
    geolint::cli::main()
}
