import CHCModel
import Foundation

/// Reads a whole input file as UTF-8 text (BOM removed), with a clear error when it cannot.
/// Why `path` cannot be read as an input file, when it is not a regular file (a named pipe
/// would block the run forever, and a CSV log is read twice); nil when it is one, or is missing
/// (the reader then says so).
package func notARegularFile(_ path: String) -> InputError? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFREG, S_IFDIR: return nil
    case S_IFIFO: return InputError(file: path, "is a named pipe, not a file: chc reads files (save the data to a file first)")
    default: return InputError(file: path, "is a device or socket, not a file: chc reads files")
    }
}

/// Opens an input file for reading, or says in plain words why it cannot be (not a regular
/// file, missing, a folder, not readable).
package func openInputFile(_ path: String) throws(InputError) -> FileHandle {
    if let error = notARegularFile(path) { throw error }
    guard let handle = FileHandle(forReadingAtPath: path) else {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        throw InputError(
            file: path,
            exists ? (isDirectory.boolValue ? "is a folder, expected a file" : "cannot be read (permission denied?)") : "no such file")
    }
    return handle
}

package func readTextFile(_ path: String, maxBytes: Int) throws(InputError) -> String {
    let handle = try openInputFile(path)
    defer { try? handle.close() }
    let data: Data
    do {
        data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
        throw InputError(file: path, "cannot be read: \(error.localizedDescription)")
    }
    if data.count > maxBytes {
        throw InputError(file: path, "is larger than the \(maxBytes >> 20) MiB limit for this kind of file (raise it with --max-file-mb)")
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(validatingUTF8Data: bytes) else {
        let (line, column) = firstInvalidUTF8Position(Array(bytes))
        throw InputError(
            SourceLocation(file: path, line: line, column: column),
            "is not valid UTF-8 text (save it as UTF-8)")
    }
    if text.utf8.contains(0) {
        throw InputError(file: path, "contains NUL bytes: it looks like a binary file, expected text")
    }
    return text
}

extension String {
    package init?(validatingUTF8Data data: some Collection<UInt8>) {
        let array = Array(data)
        guard let string = String(validating: array, as: UTF8.self) else { return nil }
        self = string
    }
}

/// Line and column of the first byte that is not valid UTF-8.
func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
        guard length > 0, i + length <= bytes.count,
            String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
        else { return (line, column) }
        if b == 10 {
            line += 1
            column = 1
        } else {
            column += 1
        }
        i += length
    }
    return (line, column)
}
