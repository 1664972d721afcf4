// The receipts of one household payment (`#/receipt-set/<id>,<id>…`, ADR 0020), printed in one go:
// one A5 sheet per member, each for the member to keep with their card. Ctrl+P marks every one
// printed (a later print of any says "BẢN SAO") and prints them as one job; each opens on its own
// (to void one member's payment without touching the others').
import { useMutation, useQueries } from '@tanstack/react-query';
import { Button, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { call, hasShell } from '../../api/client';
import { callKey, invalidateCalls, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDong } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';
import { ReceiptDocument } from './receipt-document';
import './receipt.css';

export function ReceiptSetPage({ receiptIds }: { receiptIds: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const answers = useQueries({
    queries: receiptIds.map((id) => ({ queryKey: callKey('receipts.get', { id }), queryFn: () => call('receipts.get', { id }) })),
  });
  const receipts = answers.flatMap((a) => (a.data ? [a.data] : []));
  const ready = receipts.length === receiptIds.length;
  // While printing, which of them print as copies (printed before).
  const [copies, setCopies] = useState<ReadonlySet<string> | null>(null);
  const printing = useMutation({
    mutationFn: async () => {
      const live = receipts.filter((r) => !r.void);
      const marked = await Promise.all(live.map(async (r) => ({ id: r.id, label: r.label, ...(await call('receipts.markPrinted', { id: r.id })) })));
      flushSync(() => setCopies(new Set(marked.filter((m) => m.copy).map((m) => m.id))));
      if (hasShell()) {
        const first = marked[0]!;
        const base = `${first.label}_${marked.length}`.replace(/[^\w.-]+/g, '_');
        await call('shell.print', { archiveName: marked.some((m) => m.copy) ? `${base}_BAN-SAO` : base });
      } else {
        window.print();
      }
    },
    onSettled: () => {
      setCopies(null);
      for (const id of receiptIds) invalidateCalls(queryClient, callKey('receipts.get', { id }));
    },
  });
  const print = () => ready && !printing.isPending && printing.mutate();
  useHotkeys({ 'Ctrl+P': print, Escape: goBack });

  if (!ready) return answers.some((a) => a.error) ? <ErrorAlert error={answers.find((a) => a.error)?.error} /> : <Spin />;
  const total = receipts.filter((r) => !r.void).reduce((sum, r) => sum + r.amount, 0);
  return (
    <div data-testid="receipt-set-page" className="receipt-set">
      <div className="receipt-toolbar no-print">
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
        <Button type="primary" onClick={print} loading={printing.isPending} data-testid="print-receipts">
          {t('receiptSet.print', { count: receipts.length })} <kbd>Ctrl+P</kbd>
        </Button>
        <Typography.Text data-testid="receipt-set-total">{t('receiptSet.total', { count: receipts.length, amount: formatDong(total) })}</Typography.Text>
      </div>
      <div className="no-print">
        <ErrorAlert error={printing.error} onClose={printing.reset} />
      </div>
      {receipts.map((r) => (
        <section key={r.id} className="receipt-set-sheet" data-testid="receipt-set-sheet">
          <div className="receipt-toolbar no-print">
            <a href={href('receipt', r.id)}>{t('receiptSet.open', { label: r.label, name: r.payerName })}</a>
            {r.printCount > 0 && <Tag>{t('receipt.printedTimes', { count: r.printCount })}</Tag>}
          </div>
          <ReceiptDocument receipt={r} copy={copies ? copies.has(r.id) : r.printCount > 0} />
        </section>
      ))}
      <ShortcutBar
        items={[
          { keys: 'Ctrl+P', labelKey: 'shortcuts.printAll' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
