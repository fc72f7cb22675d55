import CHCChecks
import CHCIngest
import CHCModel
import CSystemShims
import Foundation

/// Why output could not be written, in plain words ("cannot write report.csv: No space left on
/// device").
package struct OutputError: Error, CustomStringConvertible {
    package let path: String
    package let code: Int32

    package var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}

/// Writes a report as it is produced, so that an interrupted or failed run never leaves a
/// half-written file and never passes for a success:
/// - to standard output (no path, or `-`), through its file descriptor, every failure reported
///   (a full disk, a closed pipe);
/// - to a regular file through a temporary file created beside it (exclusively, never through a
///   link, so nothing planted there can redirect it), renamed over the target by `commit()`,
///   with the target's permissions kept (reports hold residents' data);
/// - to anything else that is not a regular file (a device such as `/dev/null`, a pipe), directly.
/// Buffers 4 MiB at a time. A failed write is remembered and thrown by `commit()`, and the
/// temporary file removed.
///
/// The temporary file is written past the page cache where the system allows it (`DirectWrites`):
/// copying a large report into the cache took more processor time than making it.
package final class ReportWriter {
    private let descriptor: Int32
    private var target: String?
    private let temporary: String?
    private let name: String
    /// What is not written yet: 4 MiB aligned to 2 MiB, so that direct writes go from it as they
    /// are, in huge pages where the system gives them (`AlignedBuffer`). (Owned by an object of
    /// its own, so it is freed however `init` ends.)
    private let storage = AlignedBuffer(byteCount: 4 << 20, alignment: 2 << 20)
    private var buffer: UnsafeMutableRawBufferPointer { storage.bytes }
    private var buffered = 0
    private var failure: OutputError?
    /// Set while the temporary file is written past the page cache.
    private var direct: DirectWrites?

    /// Whether the report is being written past the page cache (for tests).
    package var writesPastTheCache: Bool { direct != nil }

    package init(path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            descriptor = STDOUT_FILENO
            target = nil
            temporary = nil
            name = "standard output"
            return
        }
        name = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, (status.st_mode & S_IFMT) == S_IFDIR { throw OutputError(path: path, code: EISDIR) }
        if exists, (status.st_mode & S_IFMT) != S_IFREG {
            // A device or a pipe: written in place, never replaced by a regular file.
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError(path: path, code: errno) }
            descriptor = fd
            target = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let mode: mode_t = exists ? (status.st_mode & 0o7777) : 0o666
        var created: (fd: Int32, path: String)?
        for _ in 0..<100 {
            // A long target name is shortened in the temporary name, which must fit in 255 bytes too.
            let stem = String(decoding: url.lastPathComponent.utf8.prefix(200), as: UTF8.self)
            let candidate = (folder as NSString).appendingPathComponent(".\(stem).\(UInt32.random(in: 0...UInt32.max)).tmp")
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 {
                created = (fd, candidate)
                break
            }
            if errno != EEXIST { throw OutputError(path: path, code: errno) }
        }
        guard let created else { throw OutputError(path: path, code: EEXIST) }
        // The umask narrowed a new file; an existing target keeps exactly its own permissions.
        if exists { fchmod(created.fd, mode) }
        descriptor = created.fd
        target = path
        temporary = created.path
        direct = DirectWrites(descriptor: created.fd)
        InterruptCleanup.register(created.path)
    }

    deinit {
        if temporary != nil { InterruptCleanup.unregister() }
        if descriptor != STDOUT_FILENO { close(descriptor) }
        if let temporary, failure != nil || target != nil { unlink(temporary) }  // never renamed: an abandoned run
    }

    package func write(_ text: String) {
        guard failure == nil else { return }
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    package func write(bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        if bytes.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { append($0) }
        }
    }

    /// Copies `bytes` into the buffer, writing it out each time it fills.
    private func append(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while !rest.isEmpty, failure == nil {
            let n = min(buffer.count - buffered, rest.count)
            (buffer.baseAddress! + buffered).copyMemory(from: rest.baseAddress!, byteCount: n)
            buffered += n
            rest = UnsafeRawBufferPointer(rebasing: rest[n...])
            if buffered == buffer.count { flush() }
        }
    }

    /// Whether bytes already written can be written over (`rewrite`): the output is a temporary
    /// file of chc's own, renamed over the target at the end — not standard output, a pipe or a
    /// device.
    package var canRewrite: Bool { temporary != nil }

    /// Writes `bytes` over what was written from `offset` (`canRewrite` only; what is written
    /// over must have been written already, and is exactly as long). A failure is kept for
    /// `commit()`, as for `write`.
    package func rewrite(at offset: Int, with bytes: [UInt8]) {
        precondition(canRewrite, "rewrite needs a file of chc's own")
        flush()
        endDirectWrites()
        guard failure == nil else { return }
        var done = 0
        bytes.withUnsafeBytes { bytes in
            while done < bytes.count {
                let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = OutputError(path: name, code: errno)
                    return
                }
                done += n
            }
        }
    }

    /// Records a failure met while producing the output (a spool that could not be written):
    /// `commit()` throws it and leaves no temporary file.
    package func fail(_ error: OutputError) {
        if failure == nil { failure = error }
    }

    private func flush() {
        guard failure == nil, buffered > 0 else { return }
        if let direct {
            // Whole blocks past the cache; the rest stays in the buffer for the next flush.
            let blocks = buffered / DirectWrites.block * DirectWrites.block
            guard blocks > 0 else { return }
            switch direct.write(UnsafeRawBufferPointer(rebasing: buffer[..<blocks])) {
            case .written:
                keep(from: blocks)
                return
            case .ended(let written):  // written as usual from here on
                self.direct = nil
                keep(from: written)
            case .failed(let code):
                failure = OutputError(path: name, code: code)
                return
            }
        }
        var written = 0
        while written < buffered {
            let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffered - written)
            if n < 0 {
                if errno == EINTR { continue }
                failure = OutputError(path: name, code: errno)
                return
            }
            written += n
        }
        buffered = 0
    }

    /// Moves what the buffer holds from `offset` on to its start (the bytes before it are written).
    private func keep(from offset: Int) {
        memmove(buffer.baseAddress!, buffer.baseAddress! + offset, buffered - offset)
        buffered -= offset
    }

    /// Writes what is left past the cache and turns direct writes off, so the last part of the
    /// file, shorter than a block, can be written (and the start written over) as usual.
    private func endDirectWrites() {
        flush()  // whole blocks, past the cache
        direct?.end()
        direct = nil
        flush()  // the rest, as usual: nothing may stay behind a start written over next
    }

    /// Finishes the output: flushes, and renames the temporary file over the target. Throws the
    /// first failure of the run, and then leaves no temporary file.
    package func commit() throws(OutputError) {
        endDirectWrites()
        flush()
        if let failure {
            if let temporary { unlink(temporary) }
            throw failure
        }
        guard let target, let temporary else { return }
        if fsync(descriptor) != 0, errno != EINVAL {
            let code = errno
            unlink(temporary)
            throw OutputError(path: target, code: code)
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            InterruptCleanup.unregister()
            throw OutputError(path: target, code: code)
        }
        InterruptCleanup.unregister()
        self.target = nil  // done: nothing for deinit to remove
    }
}

/// Memory aligned as asked, freed with its owner, for direct writes. On Linux it asks for huge
/// pages (`MADV_HUGEPAGE`): the kernel pins a direct write's pages while the disk reads them, one
/// huge page where it pinned 512 small ones (a JUnit run of a million complaints, 4 GB written:
/// 0.79 → 0.54 s of system time, with 4 MiB written at a time instead of 1). A system that
/// declines keeps small pages.
final class AlignedBuffer {
    let bytes: UnsafeMutableRawBufferPointer

    init(byteCount: Int, alignment: Int) {
        bytes = .allocate(byteCount: byteCount, alignment: alignment)
        #if os(Linux)
            _ = madvise(bytes.baseAddress, bytes.count, MADV_HUGEPAGE)
        #endif
    }

    deinit { bytes.deallocate() }
}

/// Writes to a file past the page cache (`O_DIRECT`, Linux): on this project's machines copying a
/// report into the cache cost 1.6 s of processor time a gigabyte (written directly: 0.1 s), as
/// much as checking the complaints behind it. The bytes must go in whole blocks, from memory
/// aligned to a block, to offsets that are multiples of a block: the writer's buffer is aligned,
/// and it keeps the last part, shorter than a block, for an ordinary write after `end`. Only local disk file systems known to take direct writes well are written
/// this way (ext2/3/4, XFS, Btrfs): a network share (NFS, SMB) would make every block a round trip.
/// Elsewhere, or where the system refuses, nothing is made and the file is written as usual.
final class DirectWrites {
    /// 4 KiB: a multiple of any disk's logical block.
    static let block = 4096
    private let descriptor: Int32
    /// The descriptor's flags without direct writes.
    private let flags: Int32
    private var wroteAny = false

    enum Outcome {
        case written
        /// Direct writes are not possible here after all (nothing was written), or ended after a
        /// short write (the rest written as usual): either way they are over.
        case ended(written: Int)
        case failed(Int32)
    }

    /// Turns direct writes on for `descriptor`, or gives nil.
    init?(descriptor: Int32) {
        let direct = chc_direct_write_flag()
        guard direct != 0, Self.localDiskFileSystems.contains(chc_file_system_type(descriptor)) else { return nil }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | direct) == 0 else { return nil }
        self.descriptor = descriptor
        self.flags = flags
    }

    /// ext2/3/4, XFS, Btrfs (`statfs`'s magic numbers).
    private static let localDiskFileSystems: Set<Int64> = [0xEF53, 0x5846_5342, 0x9123_683E]

    /// Turns direct writes off: what follows is written as usual.
    func end() { _ = fcntl(descriptor, F_SETFL, flags) }

    /// Writes `bytes` (whole blocks, from memory aligned to a block) at the file's end.
    func write(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n == bytes.count - done {
                done = bytes.count
                wroteAny = true
                continue
            }
            if n < 0, errno == EINTR { continue }
            if n < 0, errno == EINVAL, !wroteAny {  // the file system takes no direct writes
                end()
                return .ended(written: 0)
            }
            if n < 0 { return .failed(errno) }
            // A short write leaves the file's end off a block: the rest goes as usual.
            end()
            done += n
            var rest = UnsafeRawBufferPointer(rebasing: bytes[done...])
            while !rest.isEmpty {
                let m = Foundation.write(descriptor, rest.baseAddress!, rest.count)
                if m < 0 {
                    if errno == EINTR { continue }
                    return .failed(errno)
                }
                rest = UnsafeRawBufferPointer(rebasing: rest[m...])
            }
            return .ended(written: bytes.count)
        }
        return .written
    }
}

/// Writes a whole text at once, as `ReportWriter` does.
package enum AtomicFile {
    package static func write(_ text: String, to path: String?) throws(OutputError) {
        let writer = try ReportWriter(path: path)
        writer.write(text)
        try writer.commit()
    }
}

/// The temporary file being written, if any, for the signal handlers: a run interrupted by
/// SIGINT, SIGTERM or SIGHUP removes it and exits 128 + the signal, as a shell expects, leaving
/// the target as it was.
package enum InterruptCleanup {
    /// The temporary file's path as a C string; read by the signal handler (which may only call
    /// async-signal-safe functions: `unlink`, `_exit`).
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?

    /// Installs the handlers (once, at start).
    package static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in
                if let pending = InterruptCleanup.pending { unlink(pending) }
                _exit(128 + number)
            }
        }
    }

    static func register(_ path: String) {
        let copy = strdup(path)
        let old = pending
        pending = copy
        free(old)
    }

    static func unregister() {
        let old = pending
        pending = nil
        free(old)
    }
}
