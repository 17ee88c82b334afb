package id.loket.printing;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.ServiceUIFactory;
import javax.print.attribute.Attribute;
import javax.print.attribute.AttributeSet;
import javax.print.attribute.HashPrintServiceAttributeSet;
import javax.print.attribute.PrintJobAttributeSet;
import javax.print.attribute.PrintServiceAttribute;
import javax.print.attribute.PrintServiceAttributeSet;
import javax.print.event.PrintJobAttributeListener;
import javax.print.event.PrintJobListener;
import javax.print.event.PrintServiceAttributeListener;

/**
 * A printer that takes PDF but refuses every job, as a jammed or offline printer's driver does:
 * a device we cannot run in a test, so it is made up here. It counts the jobs it was offered.
 */
public final class RefusingPrinter implements PrintService {

    private final String name;
    private int offered;

    public RefusingPrinter(String name) {
        this.name = name;
    }

    /** A printing service that knows only this printer, as the default. */
    public PrintingService service() {
        return new PrintingService(new PrintingService.Printers() {
            @Override
            public PrintService[] all() {
                return new PrintService[] {RefusingPrinter.this};
            }

            @Override
            public PrintService byDefault() {
                return RefusingPrinter.this;
            }
        });
    }

    /** A printing service on a machine without any printer. */
    public static PrintingService none() {
        return new PrintingService(new PrintingService.Printers() {
            @Override
            public PrintService[] all() {
                return new PrintService[0];
            }

            @Override
            public PrintService byDefault() {
                return null;
            }
        });
    }

    public synchronized int offered() {
        return offered;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DocPrintJob createPrintJob() {
        return new DocPrintJob() {
            @Override
            public PrintService getPrintService() {
                return RefusingPrinter.this;
            }

            @Override
            public PrintJobAttributeSet getAttributes() {
                return null;
            }

            @Override
            public void addPrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void removePrintJobListener(PrintJobListener listener) {
            }

            @Override
            public void addPrintJobAttributeListener(PrintJobAttributeListener listener, PrintJobAttributeSet attributes) {
            }

            @Override
            public void removePrintJobAttributeListener(PrintJobAttributeListener listener) {
            }

            @Override
            public void print(javax.print.Doc doc, javax.print.attribute.PrintRequestAttributeSet attributes) throws PrintException {
                synchronized (RefusingPrinter.this) {
                    offered++;
                }
                throw new PrintException("paper jam");
            }
        };
    }

    @Override
    public void addPrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public void removePrintServiceAttributeListener(PrintServiceAttributeListener listener) {
    }

    @Override
    public PrintServiceAttributeSet getAttributes() {
        return new HashPrintServiceAttributeSet();
    }

    @Override
    public <T extends PrintServiceAttribute> T getAttribute(Class<T> category) {
        return null;
    }

    @Override
    public DocFlavor[] getSupportedDocFlavors() {
        return new DocFlavor[] {DocFlavor.INPUT_STREAM.PDF};
    }

    @Override
    public boolean isDocFlavorSupported(DocFlavor flavor) {
        return DocFlavor.INPUT_STREAM.PDF.equals(flavor);
    }

    @Override
    public Class<?>[] getSupportedAttributeCategories() {
        return new Class<?>[0];
    }

    @Override
    public boolean isAttributeCategorySupported(Class<? extends Attribute> category) {
        return false;
    }

    @Override
    public Object getDefaultAttributeValue(Class<? extends Attribute> category) {
        return null;
    }

    @Override
    public Object getSupportedAttributeValues(Class<? extends Attribute> category, DocFlavor flavor, AttributeSet attributes) {
        return null;
    }

    @Override
    public boolean isAttributeValueSupported(Attribute attrval, DocFlavor flavor, AttributeSet attributes) {
        return true;
    }

    @Override
    public AttributeSet getUnsupportedAttributes(DocFlavor flavor, AttributeSet attributes) {
        return null;
    }

    @Override
    public ServiceUIFactory getServiceUIFactory() {
        return null;
    }
}
