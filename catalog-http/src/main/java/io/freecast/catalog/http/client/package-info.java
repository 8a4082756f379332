/**
 * Outbound HTTP adapters on {@code java.net.http}: the feed reader, the rating providers and the link
 * checker. Every request they make goes through one {@link io.freecast.catalog.http.client.OutboundHttp},
 * so the SSRF guard, timeouts and redirect rules mean the same on every command.
 */
package io.freecast.catalog.http.client;
