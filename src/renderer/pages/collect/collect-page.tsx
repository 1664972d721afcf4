// "Thu tiền": take a contribution, laid out to fit a 1366×768 counter screen without scrolling. It
// opens on the scheme the person takes part in (Alt+1 / Alt+2 switch): voluntary social insurance
// for the person (person-payment.tsx), household health insurance for their household's members
// in one pass (household-payment.tsx). A person in no household, or insured elsewhere, is told so
// with the way out (Alt+H). Ctrl+E edits the payer's record; Esc goes back.
import { Alert, Button, Card, Segmented, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrollment, Scheme } from '../../../shared/contract/contribution';
import type { Household } from '../../../shared/contract/household';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { ShortcutBar } from '../../components/shortcut-bar';
import { LatestPayment } from '../../components/taken-on';
import { useHotkeys } from '../../components/use-hotkeys';
import { useOpenHousehold } from '../../components/use-open-household';
import { goBack, navigate } from '../../routing/hash-router';
import { HouseholdPayment } from './household-payment';
import { PersonPayment } from './person-payment';

/**
 * The scheme the page opens on: the one the person takes part in (of two, the one due first);
 * with none, household HI for someone in a household who pays it, else voluntary insurance.
 */
export function openingScheme(active: Enrollment[], member: Household['members'][number] | undefined): Scheme {
  if (active.length > 0) return [...active].sort((a, b) => a.nextDue.fromMonth.localeCompare(b.nextDue.fromMonth))[0]!.scheme;
  return member && member.coveredBy === null ? 'HHI' : 'VSI';
}

export function CollectPage({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Scheme | null>(null);
  const person = useCall('participants.get', { id: participantId });
  const enrollments = useCall('enrollments.listForParticipant', { participantId });
  const householdId = person.data?.householdId ?? null;
  const household = useCall('households.get', householdId ? { id: householdId } : null);
  const active = (enrollments.data?.items ?? []).filter((e) => e.status === 'active');
  const member = household.data?.members.find((m) => m.participantId === participantId);
  const scheme: Scheme = picked ?? openingScheme(active, member);
  const enrollment = active.find((e) => e.scheme === scheme);
  const openHousehold = useOpenHousehold(person.data);

  useHotkeys({
    Escape: goBack,
    'Ctrl+E': () => navigate('person', participantId, 'edit'),
    'Alt+1': () => setPicked('VSI'),
    'Alt+2': () => setPicked('HHI'),
    ...(scheme === 'HHI' ? { 'Alt+H': openHousehold.open } : {}),
  });

  const loading = person.isLoading || enrollments.isLoading || (!!householdId && household.isLoading);
  // Household HI is paid per household: with none yet, one is made here (this person its head) and
  // opened to add the members; Esc comes back. A member another scheme insures pays none.
  const notice =
    scheme !== 'HHI' || loading
      ? null
      : !householdId
        ? { testId: 'collect-no-household', text: t('collect.noHousehold'), button: t('person.createHousehold'), buttonTestId: 'collect-create-household' }
        : member?.coveredBy
          ? {
              testId: 'collect-covered-elsewhere',
              text: t('collect.coveredElsewhere', { name: person.data?.fullName, scheme: t(`household.coverage.${member.coveredBy}`) }),
              button: t('person.openHousehold'),
              buttonTestId: 'collect-open-household',
            }
          : null;
  const othersPay = !!household.data?.members.some((m) => m.coveredBy === null);

  return (
    <div data-testid="collect-page" className="collect-page">
      <div className="page-title">
        <Typography.Title level={3}>
          {t('collect.title')} — {person.data?.fullName}
        </Typography.Title>
        <Segmented
          value={scheme}
          onChange={(v) => setPicked(v as Scheme)}
          options={(['VSI', 'HHI'] as const).map((s, i) => ({
            value: s,
            label: (
              <>
                {t(`scheme.${s}`)} <kbd>Alt+{i + 1}</kbd>
              </>
            ),
          }))}
          data-testid="scheme"
        />
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
      </div>
      <ErrorAlert error={person.error ?? enrollments.error ?? household.error} />
      {/* Who paid this scheme last, wherever in the office (ADR 0026): seen before the money is taken. */}
      <div className="muted" style={{ marginBottom: 8 }}>
        <LatestPayment participantId={participantId} scheme={scheme} />
      </div>
      {notice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={notice.testId}
          title={notice.text}
          action={
            <Button onClick={openHousehold.open} loading={openHousehold.creating} data-testid={notice.buttonTestId}>
              {notice.button} <kbd>Alt+H</kbd>
            </Button>
          }
        />
      )}
      <ErrorAlert error={openHousehold.error} />
      {!enrollment && !notice && !loading && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="first-payment" title={t(`collect.firstPayment.${scheme}`)} />
      )}
      {loading ? (
        <Spin />
      ) : scheme === 'VSI' ? (
        <PersonPayment key={`${enrollment?.id}-${enrollment?.nextDue.fromMonth}`} participantId={participantId} enrollment={enrollment} />
      ) : household.data && othersPay ? (
        <HouseholdPayment key={household.data.id} household={household.data} participantId={participantId} />
      ) : (
        // Nobody in the household pays household HI (or there is no household yet): no amount.
        <Card size="small" title={t('collect.quote')} style={{ maxWidth: 560 }} data-testid="quote">
          <Space align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space align="baseline">
              <span className="muted">{t('collect.total')}</span>
              <span className="total-box" data-testid="quote-total">
                —
              </span>
            </Space>
            <Button type="primary" size="large" disabled data-testid="confirm-collect">
              {t('collect.confirm')} <kbd>Enter</kbd>
            </Button>
          </Space>
        </Card>
      )}
      <ShortcutBar
        items={[
          { keys: 'Enter', labelKey: 'shortcuts.confirmCollect' },
          { keys: 'Alt+1 / Alt+2', labelKey: 'shortcuts.scheme' },
          ...(scheme === 'HHI' ? [{ keys: 'Space', labelKey: 'shortcuts.payMember' }] : []),
          ...(scheme === 'HHI' ? [{ keys: 'Alt+H', labelKey: 'shortcuts.household' }] : []),
          { keys: 'Ctrl+E', labelKey: 'shortcuts.edit' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
