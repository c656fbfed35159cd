import Foundation

/// libFuzzer, when this executable was linked with it (`make fuzz`: the Swift code compiled
/// with `-sanitize=fuzzer` for coverage, `libclang_rt.fuzzer_no_main` linked in). Found at run
/// time, so that the ordinary build, without libFuzzer, links and runs the mutation loop instead.
enum LibFuzzer {
    typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    private typealias RunDriver =
        @convention(c) (
            UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
            TestOneInput
        ) -> Int32

    static var isLinked: Bool { dlsym(nil, "LLVMFuzzerRunDriver") != nil }

    /// Runs libFuzzer's driver with `arguments` (its own options and corpus folders); returns its status.
    static func run(arguments: [String], body: TestOneInput) -> Int32 {
        guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else { return 1 }
        let driver = unsafeBitCast(symbol, to: RunDriver.self)
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var count = Int32(arguments.count)
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var base = buffer.baseAddress
            return driver(&count, &base, body)
        }
    }
}
