import CMappedPages
import Foundation

/// A regular file mapped read-only, watched for pages the file stops backing.
///
/// A file truncated while mapped makes reads past its new end raise SIGBUS.
/// `CMappedPages` handles that signal for watched mappings: it maps zero
/// pages over the rest of the mapping, notes the loss, and the read goes on.
/// The descriptor stays open so that `changed` can also see a file that was
/// rewritten or shortened within its last page, which raises no signal.
/// The watch lasts as long as the mapping, however long something keeps it.
struct FileMapping: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    /// The file's size when mapped: the length of the bytes.
    let size: Int
    private let slot: Int32
    private let descriptor: Int32
    /// The file as it was when mapped.
    private let stamp: FileStamp

    /// Maps the open regular file `descriptor`, which it then owns and closes
    /// in `unmap`; nil (the descriptor left to the caller) when the file is
    /// empty or cannot be mapped and watched, and should be read instead.
    init?(descriptor: Int32, info: stat) {
        let size = Int(info.st_size)
        guard size > 0, let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
            return nil
        }
        let slot = leadq_mapped_pages_watch(mapped, size)
        guard slot >= 0 else {
            munmap(mapped, size)
            return nil
        }
        base = mapped
        self.size = size
        self.slot = slot
        self.descriptor = descriptor
        stamp = FileStamp(info)
    }

    /// Whether the file is no longer what was mapped: a page read as zeros
    /// because the file lost it, or another size or time of change now.
    var changed: Bool {
        if leadq_mapped_pages_lost(slot) != 0 { return true }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return true }
        return FileStamp(info) != stamp
    }

    func unmap() {
        leadq_mapped_pages_unwatch(slot)
        munmap(base, size)
        close(descriptor)
    }
}
