// What Swift's Glibc module leaves out because it sits behind _GNU_SOURCE or <sys/vfs.h>, for
// writing reports (CHCOutput's ReportWriter). Defined in CSystemShims.c, compiled as C with
// those headers; on other systems each says "not available".
#ifndef CSYSTEMSHIMS_H
#define CSYSTEMSHIMS_H

/// The O_DIRECT open flag (write past the page cache), or 0 where there is none.
int chc_direct_write_flag(void);

/// The magic number of the file system holding the open file `descriptor` (statfs's f_type), or
/// -1 when it cannot be told.
long long chc_file_system_type(int descriptor);

#endif
