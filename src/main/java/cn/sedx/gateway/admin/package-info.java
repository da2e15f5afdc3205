/**
 * Operations on the gateway itself that belong to no other feature: re-sealing stored payloads after a store-key
 * rotation. Operators only; every call is audited with its reason.
 */
package cn.sedx.gateway.admin;
