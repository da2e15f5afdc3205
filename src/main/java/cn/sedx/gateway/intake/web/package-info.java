/**
 * The REST channel ({@code /api/v1/...}): submissions, message status and lists, batch uploads and reports, Excel
 * templates, and the problem bodies of multipart failures. Controllers only: each reads the request, calls the
 * intake and answers; nothing else depends on this package.
 */
package cn.sedx.gateway.intake.web;
