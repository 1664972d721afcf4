// The console's front door and its lock screen: one card in the middle of the page. Signed out, it
// asks for name and password; locked (idle, or the central ended the session), it names who was
// working, asks the password again, and offers to sign out so another person can sign in.
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/language-switch';
import { useSession } from './session-context';
import { SignInForm } from './sign-in-form';

function DoorCard({ children, testId }: { children: React.ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <main className="console-door" data-testid={testId}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        {children}
      </Card>
      <LanguageSwitch />
    </main>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  return (
    <DoorCard testId="sign-in-page">
      <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
      <SignInForm />
    </DoorCard>
  );
}

export function LockScreen({ username, displayName }: { username: string; displayName: string }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <DoorCard testId="lock-screen">
      <Typography.Paragraph>{t('lock.text', { name: displayName })}</Typography.Paragraph>
      <SignInForm lockedUsername={username} />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void signOut()} data-testid="lock-sign-out">
        {t('lock.signOut')}
      </Button>
    </DoorCard>
  );
}
