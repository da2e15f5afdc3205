package cn.sedx.gateway.intake.web;

import cn.sedx.gateway.intake.batch.BatchUploadSettings;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits follow {@code sedx.batch-uploads.max-upload-size}; parts over 256 KB are
 * spooled to {@code <folder>/.incoming} on disk, never held in memory.
 */
@Configuration(proxyBeanMethods = false)
class UploadMultipartConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(BatchUploadSettings settings) throws IOException {
        Path incoming = Files.createDirectories(settings.folder().resolve(".incoming"));
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setLocation(incoming.toAbsolutePath().toString());
        factory.setMaxFileSize(settings.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(settings.maxUploadSize().toBytes() + 64 * 1024));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }
}
