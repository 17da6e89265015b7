#ifndef BUTLERGATE_COPENSSL_SHIM_H
#define BUTLERGATE_COPENSSL_SHIM_H
// OpenSSL for Swift: function-like macros are wrapped as static inline functions.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/bio.h>

static inline int bg_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline long bg_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline long bg_bio_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

static inline int bg_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

static inline long bg_ssl_ctx_add0_chain_cert(SSL_CTX *ctx, X509 *cert) {
    return SSL_CTX_add0_chain_cert(ctx, cert);
}

static inline void bg_ssl_ctx_disable_renegotiation(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
}

static inline EVP_PKEY *bg_evp_ec_gen_p256(void) {
    return EVP_EC_gen("P-256");
}
#endif
