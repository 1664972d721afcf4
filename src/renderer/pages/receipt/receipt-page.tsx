// Receipt preview and print. Print marks the receipt printed first (so a second print says
// "BẢN SAO"), then prints through Electron (dialog or silent, archived as PDF) or the browser.
// Void needs a reason and is allowed to a supervisor or the issuing clerk on the same day (others
// see the button off, with the reason: shared/domain/receipt-rights.ts); a
// receipt of a closed day is voided as a refund paid out today (VoidReceiptModal), and its refund
// voucher is shown and printed for the payer to sign.
import { Alert, Button, Checkbox, Spin, Tag } from 'antd';
import { flushSync } from 'react-dom';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, hasShell } from '../../api/client';
import { callKey, invalidateCalls, setCallData, useCall, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { refreshAfterReceipt } from '../../components/work-queries';
import { useHotkeys } from '../../components/use-hotkeys';
import { officeToday } from '../../components/office-time';
import { goBack, href } from '../../routing/hash-router';
import { useActiveSession } from '../../session/session-context';
import type { Receipt } from '../../../shared/contract/contribution';
import { mayPrintReceipt, voidRefusal } from '../../../shared/domain/receipt-rights';
import { ReceiptDocument } from './receipt-document';
import { isRefunded, RefundVoucher } from './refund-voucher';
import { VoidReceiptModal } from './void-receipt-modal';
import './receipt.css';

const SILENT_PRINT_KEY = 'field-office.silent-print';

export function ReceiptPage({ receiptId }: { receiptId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useCall('receipts.get', { id: receiptId });
  const [copy, setCopy] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const [voiding, setVoiding] = useState(false);
  // A refunded receipt also has its refund voucher, for the payer to sign when the money is paid back.
  const [showVoucher, setShowVoucher] = useState(false);
  // In the desktop app a counter with a receipt printer can print without the dialog; the choice
  // belongs to this machine (its printer), so it is kept here, not in the office's data.
  const [silent, setSilent] = useState(() => localStorage.getItem(SILENT_PRINT_KEY) === '1');
  const r = q.data;
  // A receipt just recorded is shown from the recording's answer, which leaves out its signed
  // payload: read it once more so the QR code is on the sheet before it is printed.
  useEffect(() => {
    if (r && r.verification === undefined) invalidateCalls(queryClient, callKey('receipts.get', { id: receiptId }));
  }, [r, queryClient, receiptId]);
  const voucher = showVoucher && r && isRefunded(r) ? r : null;
  // The first print of a receipt is its collector's, a void the supervisor's or the collector's on
  // the same day (the core's rule): another clerk views it, and is told why the buttons are off.
  const me = useActiveSession().staff;
  const actor = { staffId: me.id, role: me.role };
  const mayPrint = !r || voucher !== null || mayPrintReceipt(actor, r);
  const voidRefused = r ? voidRefusal(actor, r, officeToday()) : null;
  const rightsNote = !mayPrint ? t('receipt.othersReceipt') : voidRefused === 'earlierDay' && !r?.void ? t('receipt.voidOnlySameDay') : null;

  const print = async () => {
    if (!r || printing || !mayPrint) return;
    setPrinting(true);
    setError(null);
    try {
      if (voucher) {
        // The voucher is not the receipt: no print count; archived under its own number (a reprint is the same sheet).
        if (hasShell()) await call('shell.print', { silent, archiveName: voucher.void.refund.voucher.replace(/[^\w.-]+/g, '_') });
        else window.print();
        return;
      }
      const marked = await call('receipts.markPrinted', { id: r.id });
      flushSync(() => setCopy(marked.copy));
      if (hasShell()) {
        // The first print is archived under the receipt's number; each copy beside it, never over it.
        const base = r.label.replace(/[^\w.-]+/g, '_');
        const archiveName = marked.copy ? `${base}_BAN-SAO-${marked.printCount}` : base;
        await call('shell.print', { silent, archiveName });
      } else {
        window.print();
      }
      invalidateCalls(queryClient, callKey('receipts.get', { id: receiptId }));
    } catch (e) {
      setError(e);
    } finally {
      setPrinting(false);
      setCopy(null);
    }
  };

  const voided = (receipt: Receipt) => {
    setCallData(queryClient, 'receipts.get', { id: receiptId }, receipt);
    setShowVoucher(isRefunded(receipt));
    refreshAfterReceipt(queryClient, receipt.participantId);
    setVoiding(false);
  };

  useHotkeys({ 'Ctrl+P': () => void print(), Escape: goBack });

  if (q.isLoading) return <Spin />;
  if (!r) return <ErrorAlert error={q.error} />;

  return (
    <div data-testid="receipt-page">
      <div className="receipt-toolbar no-print">
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
        <Button href={href('person', r.participantId)}>{t('receipt.openPerson')}</Button>
        <Button
          type="primary"
          onClick={() => void print()}
          loading={printing}
          disabled={(!!r.void && !voucher) || !mayPrint}
          title={mayPrint ? undefined : (rightsNote ?? undefined)}
          data-testid="print-receipt"
        >
          {t(voucher ? 'receipt.printVoucher' : 'receipt.print')} <kbd>Ctrl+P</kbd>
        </Button>
        {isRefunded(r) && (
          <Button onClick={() => setShowVoucher(!showVoucher)} data-testid="toggle-voucher">
            {t(showVoucher ? 'receipt.showReceipt' : 'receipt.showVoucher')}
          </Button>
        )}
        <Button
          danger
          disabled={!!r.void || voidRefused !== null}
          title={voidRefused && !r.void ? (rightsNote ?? undefined) : undefined}
          onClick={() => setVoiding(true)}
          data-testid="void-receipt"
        >
          {t(r.issuedElsewhere ? 'receipt.refundHere' : 'receipt.void')}
        </Button>
        {r.printCount > 0 && <Tag>{t('receipt.printedTimes', { count: r.printCount })}</Tag>}
        {rightsNote && <Tag data-testid="receipt-rights">{rightsNote}</Tag>}
        {hasShell() && (
          <Checkbox
            checked={silent}
            onChange={(e) => {
              setSilent(e.target.checked);
              localStorage.setItem(SILENT_PRINT_KEY, e.target.checked ? '1' : '0');
            }}
          >
            {t('receipt.silentPrint')}
          </Checkbox>
        )}
      </div>
      <div className="no-print">
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {r.issuedElsewhere && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="issued-elsewhere"
            title={t('receipt.issuedElsewhere', { device: r.issuedElsewhere.deviceName ?? r.issuedElsewhere.officeCode })}
          />
        )}
      </div>
      {voucher ? <RefundVoucher receipt={voucher} /> : <ReceiptDocument receipt={r} copy={copy ?? r.printCount > 0} />}
      <VoidReceiptModal receipt={r} open={voiding} onClose={() => setVoiding(false)} onVoided={voided} />
    </div>
  );
}
