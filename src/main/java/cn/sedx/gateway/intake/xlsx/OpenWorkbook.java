package cn.sedx.gateway.intake.xlsx;

import cn.sedx.gateway.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An .xlsx file opened for streaming with POI's event model ({@link XSSFReader}): the package read in place (never
 * loaded whole), POI's {@link ZipSecureFile} limits applied, the shared-strings table read into POI's
 * {@link ReadOnlySharedStringsTable} only when its inflated part is within the limit, the date styles, the 1904
 * date system flag, and the sheets by name. Sheets are parsed one row at a time by {@link #parse}.
 */
final class OpenWorkbook implements AutoCloseable {

    private final OPCPackage pkg;
    private final XlsxSettings settings;
    private final SharedStrings strings;
    private final CellStyles styles;
    private final boolean date1904;
    private final List<String> sheetNames = new ArrayList<>();
    private final List<PackagePart> sheetParts = new ArrayList<>();

    private OpenWorkbook(OPCPackage pkg, XlsxSettings settings) throws IOException {
        this.pkg = pkg;
        this.settings = settings;
        try {
            XSSFReader reader = new XSSFReader(pkg);
            this.strings = sharedStrings(reader);
            this.styles = styles(reader);
            this.date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                sheets.next().close();
                sheetNames.add(sheets.getSheetName());
                sheetParts.add(sheets.getSheetPart());
            }
        } catch (IOException | SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw XlsxFailure.of(e, 1);
        }
    }

    /** Opens {@code file} read-only under the limits of {@code settings}. */
    static OpenWorkbook open(Path file, XlsxSettings settings) throws XlsxFailure {
        applyZipLimits(settings);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw XlsxFailure.of(e, 1);
        }
        try {
            return new OpenWorkbook(pkg, settings);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw XlsxFailure.of(e, 1);
        }
    }

    /** Sets POI's process-wide zip limits (they are static in POI); the same settings give the same limits. */
    static synchronized void applyZipLimits(XlsxSettings settings) {
        ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.maxEntrySize().toBytes());
        ZipSecureFile.setMaxTextSize(settings.maxTextSize().toBytes());
    }

    List<String> sheetNames() {
        return List.copyOf(sheetNames);
    }

    /** The first sheet named as a template's data sheet, with its layout; empty when there is none. */
    java.util.Optional<TemplateSheet> templateSheet() {
        for (int i = 0; i < sheetNames.size(); i++) {
            for (SheetLayout layout : Layouts.all()) {
                if (layout.sheetName().equals(sheetNames.get(i).strip())) {
                    return java.util.Optional.of(new TemplateSheet(i, layout));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** A data sheet of a template: its index in the workbook and its layout. */
    record TemplateSheet(int index, SheetLayout layout) {}

    boolean date1904() {
        return date1904;
    }

    /** Streams sheet {@code index} row by row into {@code rows}; the row callback may stop it by throwing. */
    void parse(int index, SheetHandler.Rows rows) throws XlsxFailure {
        try (InputStream in = sheetParts.get(index).getInputStream()) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(new SheetHandler(strings, styles, rows, settings.maxRows(),
                    settings.maxCellChars()));
            reader.parse(new InputSource(in));
        } catch (SAXException e) {
            throw XlsxFailure.of(e.getException() != null ? e.getException() : e, 1);
        } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException e) {
            throw XlsxFailure.of(e, 1);
        }
    }

    private SharedStrings sharedStrings(XSSFReader reader) throws IOException, SAXException {
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            data = null;
        }
        if (data == null) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        long limit = settings.maxSharedStringsSize().toBytes();
        try (InputStream in = new LimitedInput(data, limit, () -> new XlsxFailure(
                ErrorCode.XLSX_SHARED_STRINGS_TOO_LARGE, 1, "共享字符串表解压后超过 " + limit + " 字节",
                "the shared-strings table inflates beyond " + limit + " bytes"))) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    private CellStyles styles(XSSFReader reader) throws IOException {
        InputStream data;
        try {
            data = reader.getStylesData();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return CellStyles.none();
        }
        long limit = settings.maxStylesSize().toBytes();
        try (InputStream in = new LimitedInput(data, limit, () -> new XlsxFailure(ErrorCode.XLSX_PART_TOO_LARGE, 1,
                "样式表解压后超过 " + limit + " 字节", "the styles part inflates beyond " + limit + " bytes"))) {
            return CellStyles.read(in);
        }
    }

    private boolean date1904(XSSFReader reader) throws IOException, SAXException {
        boolean[] flag = new boolean[1];
        try (InputStream in = new LimitedInput(workbookData(reader), settings.maxStylesSize().toBytes(),
                () -> new XlsxFailure(ErrorCode.XLSX_PART_TOO_LARGE, 1, "工作簿部件过大", "the workbook part is too large"))) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (localName.equals("workbookPr")) {
                        String value = attributes.getValue("date1904");
                        flag[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            xml.parse(new InputSource(in));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
        return flag[0];
    }

    private static InputStream workbookData(XSSFReader reader) throws IOException {
        try {
            return reader.getWorkbookData();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }
}
