package cn.sedx.gateway.intake.soap;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SOAP channel ({@code sedx.soap.*}). The XML limits are handed to CXF's StAX reader
 * (Woodstox), which refuses a request as soon as one is passed, before the request is read whole.
 *
 * @param address                   endpoint address below the CXF servlet path ({@code cxf.path}, default /ws)
 * @param maxRequestSize            largest request accepted, envelope and MTOM parts together
 * @param maxElementDepth           deepest element nesting accepted
 * @param maxChildElements          most child elements of one element
 * @param maxElementCount           most elements in one request
 * @param maxTextLength             longest text node (inline base64 attachments included)
 * @param maxAttributeCount         most attributes on one element
 * @param attachmentMemoryThreshold MTOM parts larger than this are spooled to {@code attachmentDirectory}
 * @param attachmentDirectory       where CXF spools large MTOM parts while a request is processed
 * @param publicUrl                 the URL callers reach the endpoint at, e.g. {@code https://sedx.example.cn/ws/submission}:
 *                                  both ports' address in the served WSDL; unset, the address the request came to
 *                                  (required in the production profile)
 */
@Validated
@ConfigurationProperties("sedx.soap")
record SoapSettings(
        @NotBlank @DefaultValue("/submission") String address,
        @NotNull @DefaultValue("12MB") DataSize maxRequestSize,
        @Min(8) @DefaultValue("32") int maxElementDepth,
        @Min(16) @DefaultValue("10000") int maxChildElements,
        @Min(100) @DefaultValue("100000") long maxElementCount,
        @Min(1024) @DefaultValue("15000000") int maxTextLength,
        @Min(4) @DefaultValue("32") int maxAttributeCount,
        @NotNull @DefaultValue("256KB") DataSize attachmentMemoryThreshold,
        @NotNull Path attachmentDirectory,
        URI publicUrl) {}
