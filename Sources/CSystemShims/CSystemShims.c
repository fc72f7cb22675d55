#define _GNU_SOURCE
#include "CSystemShims.h"

#include <fcntl.h>
#if defined(__linux__)
#include <sys/vfs.h>
#endif

int chc_direct_write_flag(void) {
#if defined(__linux__) && defined(O_DIRECT)
    return O_DIRECT;
#else
    return 0;
#endif
}

long long chc_file_system_type(int descriptor) {
#if defined(__linux__)
    struct statfs info;
    if (fstatfs(descriptor, &info) != 0) return -1;
    return (long long)((unsigned long)info.f_type & 0xFFFFFFFFUL);  /* a 32-bit magic number, never sign-extended */
#else
    (void)descriptor;
    return -1;
#endif
}
