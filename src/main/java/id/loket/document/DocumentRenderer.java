package id.loket.document;

import id.loket.common.i18n.Messages;
import id.loket.common.model.Nik;
import id.loket.common.pdf.PdfFonts;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Renders the counter's documents as PDF/A-2b bytes: fonts embedded (DejaVu Sans, subset),
 * XMP metadata agreeing with the document information, an sRGB output intent. Words come from
 * the {@link Messages} given (Indonesian or English); dates are written out ("27 November
 * 2026"), amounts as rupiah ("Rp650.000"), the printing time in the office's time zone.
 * NIKs are printed masked to their last four digits.
 */
public final class DocumentRenderer {

    static final String CREATOR_TOOL = "Loket";
    private static final String PRODUCER = "Loket (Apache PDFBox)";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private static final byte[] ICC = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private DocumentRenderer() {
    }

    /** A receipt (tanda terima) as first printed. */
    public static byte[] receipt(ReceiptData r, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone, Instant generatedAt) {
        return receipt(r, letterhead, paper, m, zone, generatedAt, false);
    }

    /** A receipt; a reprint ({@code copy}) is marked SALINAN / COPY under the title. */
    public static byte[] receipt(ReceiptData r, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone, Instant generatedAt,
                                 boolean copy) {
        return render(m.get("doc.receipt.title"), letterhead, paper, m, zone, generatedAt, (sheet, words) -> {
            sheet.title(m.get("doc.receipt.title"), copy ? m.get("doc.copy") : null);
            sheet.field(m.get("doc.field.receiptNumber"), r.receiptNumber(), true);
            sheet.field(m.get("doc.field.queueNumber"), r.queueNumber(), true);
            sheet.rule();
            sheet.field(m.get("doc.field.name"), r.applicantName());
            sheet.field(m.get("doc.field.nik"), Nik.mask(r.nik()));
            sheet.field(m.get("doc.field.service"), m.get("service." + r.service().name()));
            sheet.field(m.get("doc.field.passportType"), m.name(r.passportType()));
            sheet.field(m.get("doc.field.validity"), m.get("doc.validity", r.validityYears()));
            sheet.rule();
            sheet.field(m.get("doc.field.fee"), words.rupiah(r.feeRupiah()), true);
            sheet.field(m.get("doc.field.billingCode"), r.billingCode());
            sheet.field(m.get("doc.field.ntpn"), r.ntpn());
            sheet.rule();
            sheet.field(m.get("doc.field.pickup"), m.get("doc.pickup.when",
                    words.date(r.pickupDate()), words.time(r.pickupFrom()), words.time(r.pickupUntil())), true);
            sheet.field(m.get("doc.field.officer"), r.officer());
            sheet.gap(sheet.bodySize() * 0.6f);
            sheet.qr(r.receiptNumber(), r.receiptNumber());
            sheet.gap(sheet.bodySize() * 0.6f);
            sheet.paragraph(m.get("doc.receipt.note"), false);
        });
    }

    /** A rejection slip with the reasons in words. */
    public static byte[] rejectionSlip(RejectionSlipData r, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone,
                                       Instant generatedAt) {
        return render(m.get("doc.rejection.title"), letterhead, paper, m, zone, generatedAt, (sheet, words) -> {
            sheet.title(m.get("doc.rejection.title"), null);
            sheet.field(m.get("doc.field.caseNumber"), r.caseNumber(), true);
            sheet.field(m.get("doc.field.date"), words.date(r.decidedOn()));
            sheet.field(m.get("doc.field.name"), r.applicantName());
            sheet.field(m.get("doc.field.nik"), Nik.mask(r.nik()));
            sheet.field(m.get("doc.field.service"), m.get("service." + r.service().name()));
            sheet.rule();
            sheet.heading(m.get("doc.rejection.reasons"));
            List<String> reasons = new ArrayList<>();
            r.reasons().forEach(reason -> reasons.add(m.name(reason)));
            sheet.numbered(reasons);
            if (!r.note().isBlank()) {
                sheet.heading(m.get("doc.field.note"));
                sheet.paragraph(r.note(), false);
            }
            sheet.gap(sheet.bodySize() * 0.8f);
            sheet.paragraph(m.get("doc.rejection.advice"), false);
            sheet.signatures(m.get("doc.signature.applicant"), r.applicantName(), m.get("doc.signature.officer"), r.officer());
        });
    }

    /** An on-hold slip listing the documents still missing and the day to bring them by. */
    public static byte[] holdSlip(HoldSlipData h, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone, Instant generatedAt) {
        return render(m.get("doc.hold.title"), letterhead, paper, m, zone, generatedAt, (sheet, words) -> {
            sheet.title(m.get("doc.hold.title"), null);
            sheet.field(m.get("doc.field.caseNumber"), h.caseNumber(), true);
            sheet.field(m.get("doc.field.name"), h.applicantName());
            sheet.field(m.get("doc.field.nik"), Nik.mask(h.nik()));
            sheet.field(m.get("doc.field.service"), m.get("service." + h.service().name()));
            sheet.rule();
            sheet.heading(m.get("doc.hold.missing"));
            List<String> docs = new ArrayList<>();
            h.missingDocuments().forEach(d -> docs.add(m.name(d)));
            sheet.numbered(docs);
            if (!h.note().isBlank()) {
                sheet.heading(m.get("doc.field.note"));
                sheet.paragraph(h.note(), false);
            }
            sheet.rule();
            sheet.field(m.get("doc.hold.returnBy"), words.date(h.returnBy()), true);
            sheet.field(m.get("doc.field.officer"), h.officer());
            sheet.gap(sheet.bodySize() * 0.8f);
            sheet.paragraph(m.get("doc.hold.advice"), false);
        });
    }

    /** A pickup slip (bukti pengambilan): which passport went to whom, when, and from which officer. */
    public static byte[] pickupSlip(PickupSlipData p, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone,
                                    Instant generatedAt) {
        return render(m.get("doc.pickup.title"), letterhead, paper, m, zone, generatedAt, (sheet, words) -> {
            sheet.title(m.get("doc.pickup.title"), null);
            sheet.field(m.get("doc.field.receiptNumber"), p.receiptNumber(), true);
            sheet.field(m.get("doc.field.passportNumber"), p.passportNumber(), true);
            sheet.rule();
            sheet.field(m.get("doc.field.name"), p.applicantName());
            sheet.field(m.get("doc.field.nik"), Nik.mask(p.nik()));
            sheet.field(m.get("doc.field.collectedBy"), m.get("doc.collector." + p.collectedBy().name()));
            boolean representative = p.collectedBy() == PickupSlipData.Collector.REPRESENTATIVE;
            if (representative) {
                sheet.field(m.get("doc.field.representative"), p.representativeName());
                sheet.field(m.get("doc.field.representativeNik"), Nik.mask(p.representativeNik()));
            }
            sheet.field(m.get("doc.field.collectedAt"), words.dateTime(p.collectedAt()));
            sheet.field(m.get("doc.field.officer"), p.officer());
            sheet.signatures(m.get("doc.signature.receivedBy"), representative ? p.representativeName() : p.applicantName(),
                    m.get("doc.signature.officer"), p.officer());
        });
    }

    // ---- shared ----

    @FunctionalInterface
    private interface Content {
        void fill(Sheet sheet, Words words);
    }

    /** Dates, times and amounts in the reader's language and the office's time zone. */
    static final class Words {
        private final Locale locale;
        private final ZoneId zone;
        private final DateTimeFormatter date;
        private final DateTimeFormatter time;

        Words(Messages m, ZoneId zone) {
            this.locale = m.locale();
            this.zone = zone;
            this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            this.time = DateTimeFormatter.ofPattern(m.language().equals("id") ? "HH.mm" : "HH:mm", locale);
        }

        String date(LocalDate d) {
            return date.format(d);
        }

        String time(LocalTime t) {
            return time.format(t);
        }

        /** "27 November 2026 09.15 WITA". */
        String dateTime(Instant at) {
            ZonedDateTime z = at.atZone(zone);
            return date.format(z) + " " + time.format(z) + " " + DateTimeFormatter.ofPattern("zzz", locale).format(z);
        }

        /** "Rp650.000" in Indonesian, "Rp650,000" in English. */
        String rupiah(long amount) {
            return "Rp" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(amount);
        }
    }

    private static byte[] render(String title, Letterhead letterhead, PaperSize paper, Messages m, ZoneId zone, Instant generatedAt,
                                 Content content) {
        Words words = new Words(m, zone);
        try (PDDocument doc = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(doc);
            Sheet sheet = new Sheet(doc, paper == null ? PaperSize.DEFAULT : paper, fonts.regular(), fonts.bold());
            sheet.letterhead(letterhead);
            content.fill(sheet, words);
            sheet.rule();
            sheet.paragraph(m.get("doc.generated", words.dateTime(generatedAt), letterhead.officeName()), true);
            sheet.place((page, pages) -> m.get("doc.page", page, pages));
            archival(doc, title, letterhead.officeName(), m.language(), zone, generatedAt);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PDF/A-2b: XMP metadata (pdfaid 2/B) that agrees with the document information, and an
     * sRGB output intent. Every document Loket archives goes through here (slips, receipts, reports).
     */
    public static void archival(PDDocument doc, String title, String author, String language, ZoneId zone, Instant generatedAt)
            throws IOException {
        GregorianCalendar created = GregorianCalendar.from(generatedAt.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(CREATOR_TOOL);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setFormat("application/pdf");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(CREATOR_TOOL);
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(ICC));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
        doc.getDocumentCatalog().setLanguage("en".equals(language) ? "en" : "id-ID");
    }
}
