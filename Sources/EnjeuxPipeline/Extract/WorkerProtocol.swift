import EnjeuxModel
import EnjeuxSupport
import Foundation

/// One extraction job sent to a worker process, as a line of JSON on its stdin.
package struct WorkerRequest: Codable, Sendable, Hashable {
    package var input: String
    package var source: String
    package var sha256: String
    package var output: String
    package var password: String?

    package init(input: String, source: String, sha256: String, output: String, password: String?) {
        self.input = input
        self.source = source
        self.sha256 = sha256
        self.output = output
        self.password = password
    }
}

/// The worker side: extracts one requested document and writes its JSON file.
package enum WorkerJob {
    package static func perform(_ request: WorkerRequest) -> WorkerResult {
        let url = URL(fileURLWithPath: request.input)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        switch ExtractOne.write(
            url: url, relativePath: request.source, sha256: request.sha256, byteCount: size,
            password: request.password, to: URL(fileURLWithPath: request.output))
        {
        case .success(let result):
            return result
        case .failure(let error):
            return WorkerResult(format: nil, pages: 0, warnings: [], failure: error.failure)
        }
    }

    /// Serves requests from stdin until it closes: one JSON line in, one JSON line out.
    package static func serve() {
        while let line = readLine(strippingNewline: true) {
            let result: WorkerResult
            if let request = try? JSONCoding.decode(WorkerRequest.self, from: Data(line.utf8)) {
                result = perform(request)
            } else {
                result = WorkerResult(
                    format: nil, pages: 0, warnings: [], failure: .crashed(detail: "malformed worker request"))
            }
            var data = (try? JSONCoding.encode(result)) ?? Data("{}".utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
    }
}
