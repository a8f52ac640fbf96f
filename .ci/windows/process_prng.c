/* Test-only stand-in for bcryptprimitives.dll under Debian's Wine 8.
 *
 * Rust's standard library (1.78 and later) takes its random numbers from ProcessPrng in
 * bcryptprimitives.dll. Wine 8 ships that DLL without the function, so every Rust .exe fails to
 * load there (status c0000135). This DLL exports ProcessPrng and fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. It is built by .ci/windows-tests
 * and put beside the .exe files under test only; release builds never ship it, and real Windows
 * (10 and later) has the genuine function.
 */
#include <windows.h>

/* RtlGenRandom's exported name; the header declares it only under special macros. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a 32-bit length; ask in chunks. */
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
