/**
 * The scheduled national personnel upload (人员信息批量上报): runs over the filings after a watermark, cut into signed
 * chunks delivered like any message, resumed after a failure, settled once delivery acknowledged every chunk;
 * Quartz clusters the schedule. Offers {@link cn.sedx.gateway.upload.UploadLauncher} and its run to the console.
 * See {@code docs/upload.md}.
 */
package cn.sedx.gateway.upload;
