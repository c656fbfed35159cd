import Foundation

// enjeux-fuzz TARGET [OPTIONS] [SEED FOLDERS OR FILES]: fuzzes one parser (docs/fuzzing.md).
// TARGET is html, lexicon or json. With libFuzzer linked (make fuzz), the options and folders
// are libFuzzer's (-max_total_time=, -runs=, -max_len=, -dict=…). Without it, the mutation
// loop reads the same options: -max_total_time=SECONDS, -runs=N, -seed=N, -max_len=BYTES,
// -dict=FILE, -artifact_prefix=PATH; files alone (no folder) are run once each.

nonisolated(unsafe) var selectedTarget = FuzzTarget.html

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: enjeux-fuzz TARGET [options] [seed folders]; TARGET: \(names)\n".utf8))
    exit(64)
}
selectedTarget = target
let rest = Array(arguments.dropFirst(2))

if LibFuzzer.isLinked {
    exit(
        LibFuzzer.run(arguments: [arguments[0]] + rest) { data, size in
            let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
            selectedTarget.run(bytes)
            return 0
        })
}

exit(MutationRun(target: target, arguments: rest).run())
