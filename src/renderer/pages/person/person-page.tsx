// One person: declaration fields, household, official number (or "not synced yet"), enrollments
// with what is owed next, and contributions paid. F4 collects, Alt+H opens (or creates) the
// household, Esc goes back.
import { Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/money';
import { useCommunes, useProvinces } from '../../components/reference-selects';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { useHouseholdMember } from '../../components/use-household-member';
import { useOpenHousehold } from '../../components/use-open-household';
import { goBack, href, navigate } from '../../routing/hash-router';
import { ContributionsCard, EnrollmentsCard } from './person-money-cards';

export function PersonPage({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const person = useCall('participants.get', { id: participantId });
  const p = person.data;
  const provinces = useProvinces();
  const communes = useCommunes(p?.provinceCode);
  const provinceName = provinces.data?.items.find((x) => x.code === p?.provinceCode)?.fullName ?? p?.provinceCode;
  const communeName = communes.data?.items.find((x) => x.code === p?.communeCode)?.fullName ?? p?.communeCode;

  const { open: openHousehold, creating, error: householdError } = useOpenHousehold(p);
  const member = useHouseholdMember(participantId, p?.householdId);

  useHotkeys({
    F4: () => navigate('person', participantId, 'collect'),
    'Alt+H': () => void openHousehold(),
    'Ctrl+E': () => navigate('person', participantId, 'edit'),
    Escape: goBack,
  });

  if (person.isLoading) return <Spin />;
  if (!p) return <ErrorAlert error={person.error} />;

  return (
    <div data-testid="person-page">
      <div className="page-title">
        <Typography.Title level={2} data-testid="person-name">
          {p.fullName}
        </Typography.Title>
        <Space wrap>
          <Button onClick={goBack}>
            {t('common.back')} <kbd>Esc</kbd>
          </Button>
          <Button href={href('person', p.id, 'edit')}>
            {t('person.edit')} <kbd>Ctrl+E</kbd>
          </Button>
          <Button onClick={() => void openHousehold()} loading={creating} data-testid="household-button">
            {p.householdId ? t('person.openHousehold') : t('person.createHousehold')} <kbd>Alt+H</kbd>
          </Button>
          <Button type="primary" href={href('person', p.id, 'collect')} data-testid="collect-button">
            {t('person.collect')} <kbd>F4</kbd>
          </Button>
        </Space>
      </div>
      <ErrorAlert error={householdError} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('person.dateOfBirth')}>{formatDate(p.dateOfBirth)}</Descriptions.Item>
          <Descriptions.Item label={t('person.sex')}>{t(`sex.${p.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('person.personalId')}>{p.personalId}</Descriptions.Item>
          <Descriptions.Item label={t('person.ethnicity')}>{p.ethnicity}</Descriptions.Item>
          <Descriptions.Item label={t('person.nationality')}>{p.nationality}</Descriptions.Item>
          <Descriptions.Item label={t('person.siNumber')}>{p.siNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('person.phone')}>{p.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('facts.title')}>
            <span data-testid="person-facts">
              {[
                p.poverty
                  ? `${t(p.poverty.kind === 'poor' ? 'facts.povertyPoor' : 'facts.povertyNearPoor')}${p.poverty.number ? ` (${p.poverty.number}${p.poverty.validTo ? `, ${formatDate(p.poverty.validTo)}` : ''})` : ''}`
                  : null,
                p.student ? t('facts.student') : null,
                p.agriAverage ? t('facts.agriAverage') : null,
              ]
                .filter(Boolean)
                .join('; ') || t('facts.none')}
            </span>
            {p.declaredSupportCategory && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {t('facts.declared', { category: t(`support.${p.declaredSupportCategory}`) })}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.officialNumber')}>
            <span data-testid="person-official-number">{p.officialNumber ?? <Tag color="orange">{t('person.notSynced')}</Tag>}</span>
            {p.canonicalId && (
              <Tag color="blue" style={{ marginLeft: 8 }} data-testid="person-linked">
                {t('person.linkedToCanonical')}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.address')} span={2}>
            {[p.addressLine, communeName, provinceName].filter(Boolean).join(', ')}
            {p.legacyAddress && (
              <div data-testid="person-legacy-address">
                <Typography.Text type="secondary">{t('legacy.chosen', { text: p.legacyAddress.text })}</Typography.Text>
              </div>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('person.household')}>
            {p.householdId ? (
              <>
                <a href={href('household', p.householdId)} data-testid="household-link">
                  {t('person.openHousehold')}
                </a>
                {member && (
                  <Tag color={member.coveredBy ? 'default' : 'green'} style={{ marginLeft: 8 }} data-testid="household-hhi">
                    {member.coveredBy ? t(`household.coverage.${member.coveredBy}`) : t('household.hhiPosition', { n: member.hhiPosition })}
                  </Tag>
                )}
              </>
            ) : (
              t('person.noHousehold')
            )}
          </Descriptions.Item>
          {p.otherRecords && p.otherRecords.length > 0 && (
            <Descriptions.Item label={t('person.otherRecords')} span={3}>
              <span data-testid="person-other-records">
                {p.otherRecords.map((other, i) => (
                  <span key={other.id}>
                    {i > 0 && ', '}
                    <a href={href('person', other.id)}>
                      {other.fullName} ({other.personalId})
                    </a>
                  </span>
                ))}
                <span className="muted"> — {t('person.otherRecordsShare')}</span>
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <EnrollmentsCard participantId={p.id} />
      <ContributionsCard participantId={p.id} />
      <ShortcutBar
        items={[
          { keys: 'F4', labelKey: 'shortcuts.collect' },
          { keys: 'Alt+H', labelKey: 'shortcuts.household' },
          { keys: 'Ctrl+E', labelKey: 'shortcuts.edit' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
