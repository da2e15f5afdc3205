package cn.sedx.gateway.intake.xlsx;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the Excel (.xlsx) intake and of the error workbooks ({@code sedx.xlsx.*}); docs/batch.md explains how
 * they bound memory.
 *
 * @param minInflateRatio      POI's {@code ZipSecureFile} minimum ratio of compressed to inflated size of a part
 *                             (below it the workbook is a zip bomb)
 * @param maxEntrySize         POI's {@code ZipSecureFile} largest inflated part
 * @param maxTextSize          POI's {@code ZipSecureFile} largest text a POI text extractor may return
 * @param maxSharedStringsSize largest inflated shared-strings part (the one part held in memory)
 * @param maxStylesSize        largest inflated styles part (read for the date formats only)
 * @param maxRows              most rows a sheet may have
 * @param maxCellChars         longest cell text (Excel's own limit is 32,767)
 * @param maxCommentedCells    most cells an error workbook comments (every bad cell is still filled red)
 * @param maxMarkedCells       most cells an error workbook fills red (8 bytes of memory each)
 * @param streamingWindow      rows an error workbook keeps in memory per sheet while writing (SXSSF window)
 */
@Validated
@ConfigurationProperties("sedx.xlsx")
public record XlsxSettings(
        @DecimalMin("0.0001") @DecimalMax("1") @DefaultValue("0.01") double minInflateRatio,
        @NotNull @DefaultValue("256MB") DataSize maxEntrySize,
        @NotNull @DefaultValue("16MB") DataSize maxTextSize,
        @NotNull @DefaultValue("48MB") DataSize maxSharedStringsSize,
        @NotNull @DefaultValue("4MB") DataSize maxStylesSize,
        @Min(3) @Max(1_048_576) @DefaultValue("1048576") int maxRows,
        @Min(1) @Max(32_767) @DefaultValue("32767") int maxCellChars,
        @Min(0) @DefaultValue("10000") int maxCommentedCells,
        @Min(0) @DefaultValue("2000000") int maxMarkedCells,
        @Min(10) @DefaultValue("100") int streamingWindow) {

    /** The defaults, for code that runs without Spring (tests, benchmarks). */
    public static XlsxSettings defaults() {
        return new XlsxSettings(0.01, DataSize.ofMegabytes(256), DataSize.ofMegabytes(16), DataSize.ofMegabytes(48),
                DataSize.ofMegabytes(4), 1_048_576, 32_767, 10_000, 2_000_000, 100);
    }
}
