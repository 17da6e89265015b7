#ifndef BUTLERGATE_CLINUX_SHIM_H
#define BUTLERGATE_CLINUX_SHIM_H
// Linux calls that Swift's Glibc module does not expose.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

// accept4 is only declared under _GNU_SOURCE, which must not leak into the other shims.
extern int accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags);

static inline int bg_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags) {
    return accept4(fd, addr, addrlen, flags);
}
#endif
