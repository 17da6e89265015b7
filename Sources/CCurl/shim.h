#ifndef BUTLERGATE_CCURL_SHIM_H
#define BUTLERGATE_CCURL_SHIM_H
// libcurl for Swift: the variadic curl_easy_setopt/getinfo are wrapped with fixed argument types.
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <curl/curl.h>

static inline CURLcode bg_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode bg_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode bg_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}

static inline CURLcode bg_curl_setopt_slist(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}

typedef size_t (*bg_curl_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode bg_curl_setopt_write_function(CURL *curl, bg_curl_write_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode bg_curl_setopt_callback(CURL *curl, CURLoption option, bg_curl_write_callback callback) {
    return curl_easy_setopt(curl, option, callback);
}

static inline CURLMcode bg_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

static inline CURLcode bg_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}

static inline CURLcode bg_curl_getinfo_pointer(CURL *curl, CURLINFO info, void **value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
