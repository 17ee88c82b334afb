package id.loket.printing;

import id.loket.common.model.UserFacingException;
import id.loket.document.PaperSize;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printers of this machine and printing a PDF on one of them.
 *
 * <p>Where the printer accepts PDF ({@link DocFlavor.INPUT_STREAM#PDF}, as every CUPS queue
 * does) the PDF bytes are sent as they are, so the text stays text and CUPS does the
 * rasterising. Otherwise PDFBox draws the pages through a {@link PrinterJob} (the glyphs then
 * arrive as shapes).
 *
 * <p>Paper: A5 and A4 ask for {@link MediaSizeName#ISO_A5} / {@link MediaSizeName#ISO_A4}
 * (without it CUPS would pick Letter). The 80&nbsp;mm roll asks for no media at all: the
 * page is as long as its content, no standard media name fits, and a receipt printer's queue
 * is set up for its roll anyway, so the printer decides.
 *
 * <p>Failures are {@link UserFacingException}s: {@code printing.noPrinter} (the machine
 * knows no printer), {@code printing.printerNotFound} (the chosen one is gone),
 * {@code printing.notAccepting} (the queue is stopped or rejects jobs), {@code printing.failed}
 * (the printer refused the job). Blocking: call it off the
 * event-dispatch thread.
 */
public final class PrintingService {

    private static final Logger LOG = LoggerFactory.getLogger(PrintingService.class);

    /** Where the printers come from: the system (CUPS) in the app, a given list in tests. */
    public interface Printers {
        PrintService[] all();

        PrintService byDefault();
    }

    private final Printers printers;

    /** The printers of this machine, as {@link PrintServiceLookup} knows them. */
    public PrintingService() {
        this(new Printers() {
            @Override
            public PrintService[] all() {
                return PrintServiceLookup.lookupPrintServices(null, null);
            }

            @Override
            public PrintService byDefault() {
                return PrintServiceLookup.lookupDefaultPrintService();
            }
        });
    }

    /** The printers {@code printers} gives (a printer we cannot run in a test: one that refuses). */
    public PrintingService(Printers printers) {
        this.printers = Objects.requireNonNull(printers, "printers");
    }

    /** The names of the printers this machine knows, in the system's order. */
    public List<String> printers() {
        return Arrays.stream(printers.all()).map(PrintService::getName).toList();
    }

    /** The system's default printer, if it has one. */
    public Optional<String> defaultPrinter() {
        return Optional.ofNullable(printers.byDefault()).map(PrintService::getName);
    }

    /**
     * Prints {@code pdf} on the printer named {@code printerName} (the default printer when
     * null or blank), laid out for {@code paper}, as a job called {@code jobName}. Returns only
     * once the printer's spooler has accepted the job: then, and only then, it may be counted
     * as printed.
     *
     * @return the name of the printer that took the job (the default printer's when none was named)
     * @throws UserFacingException when there is no printer, the printer is gone, does not accept
     *     jobs, or refuses this one
     */
    public String print(byte[] pdf, String printerName, PaperSize paper, String jobName) {
        return print(pdf, printerName, paper, jobName, false);
    }

    /** As {@link #print}; {@code asPages} takes the PrinterJob way even where the printer takes PDF (for tests). */
    String print(byte[] pdf, String printerName, PaperSize paper, String jobName, boolean asPages) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(paper, "paper");
        PrintService service = find(printerName);
        PrinterIsAcceptingJobs accepting = service.getAttribute(PrinterIsAcceptingJobs.class);
        if (PrinterIsAcceptingJobs.NOT_ACCEPTING_JOBS.equals(accepting)) {
            throw new UserFacingException("printing.notAccepting", service.getName());
        }
        String job = jobName == null || jobName.isBlank() ? "Loket" : jobName;
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName(job, null));
        attributes.add(new Copies(1));
        media(paper).ifPresent(attributes::add);
        if (!asPages && service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
            printPdf(service, pdf, attributes);
        } else {
            printPages(service, pdf, job, attributes);
        }
        LOG.info("Printed {} on {} ({})", job, service.getName(), paper);
        return service.getName();
    }

    static Optional<MediaSizeName> media(PaperSize paper) {
        return switch (paper) {
            case A5 -> Optional.of(MediaSizeName.ISO_A5);
            case A4 -> Optional.of(MediaSizeName.ISO_A4);
            case THERMAL_80MM -> Optional.empty();
        };
    }

    private PrintService find(String printerName) {
        PrintService[] services = printers.all();
        if (services.length == 0) {
            throw new UserFacingException("printing.noPrinter");
        }
        if (printerName == null || printerName.isBlank()) {
            PrintService d = printers.byDefault();
            if (d == null) {
                throw new UserFacingException("printing.noDefault");
            }
            return d;
        }
        for (PrintService s : services) {
            if (s.getName().equals(printerName)) {
                return s;
            }
        }
        throw new UserFacingException("printing.printerNotFound", printerName);
    }

    private static void printPdf(PrintService service, byte[] pdf, PrintRequestAttributeSet attributes) {
        DocPrintJob job = service.createPrintJob();
        try {
            job.print(new SimpleDoc(new ByteArrayInputStream(pdf), DocFlavor.INPUT_STREAM.PDF, null), attributes);
        } catch (PrintException | RuntimeException e) {
            LOG.warn("Printing on {} failed", service.getName(), e);
            throw new UserFacingException(e, "printing.failed", service.getName());
        }
    }

    private static void printPages(PrintService service, byte[] pdf, String jobName, PrintRequestAttributeSet attributes) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(doc));
            job.print(attributes);
        } catch (PrinterException | IOException | RuntimeException e) {
            LOG.warn("Printing on {} failed", service.getName(), e);
            throw new UserFacingException(e, "printing.failed", service.getName());
        }
    }
}
