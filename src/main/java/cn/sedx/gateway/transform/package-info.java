/**
 * Canonical JSON to each destination's format: the national platforms' XML, the provincial JSON, the envelope
 * and the report files of the document exchange. Plain Java, no Camel; offers its writers to delivery.
 */
package cn.sedx.gateway.transform;
