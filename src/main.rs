fn main() -> std::process::ExitCode {
    fourgent::main()
}
