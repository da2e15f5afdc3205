package cn.sedx.gateway.intake.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles of a workbook format numbers as dates: all the intake needs of {@code styles.xml}, read with
 * SAX under a size limit (POI's {@code StylesTable} would load the whole part into XMLBeans).
 */
final class CellStyles {

    private static final int MAX_STYLES = 100_000;

    private final boolean[] dateStyle;

    private CellStyles(boolean[] dateStyle) {
        this.dateStyle = dateStyle;
    }

    static CellStyles none() {
        return new CellStyles(new boolean[0]);
    }

    /** Reads the styles part; {@code in} is closed by the caller. */
    static CellStyles read(InputStream in) throws IOException {
        Handler handler = new Handler();
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw XlsxFailure.of(e, 1);
        }
        boolean[] dates = new boolean[handler.xfFormats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = handler.xfFormats.get(i);
            String code = handler.formats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
            dates[i] = code != null && DateUtil.isADateFormat(id, code);
        }
        return new CellStyles(dates);
    }

    /** Whether style {@code index} (a cell's {@code s} attribute) formats numbers as dates. */
    boolean isDate(int index) {
        return index >= 0 && index < dateStyle.length && dateStyle[index];
    }

    private static final class Handler extends DefaultHandler {
        final Map<Integer, String> formats = new HashMap<>();
        final List<Integer> xfFormats = new ArrayList<>();
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "numFmt" -> formats.put(number(attributes.getValue("numFmtId")),
                        String.valueOf(attributes.getValue("formatCode")));
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs) {
                        if (xfFormats.size() >= MAX_STYLES) {
                            throw new SAXException("more than " + MAX_STYLES + " cell styles");
                        }
                        xfFormats.add(number(attributes.getValue("numFmtId")));
                    }
                }
                default -> { }
            }
            if (formats.size() > MAX_STYLES) {
                throw new SAXException("more than " + MAX_STYLES + " number formats");
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        private static int number(String value) {
            try {
                return value == null ? 0 : Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
