import { Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../hooks/useIsMobile';

interface FormDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Submits the form inside; omit for drawers that only show things. */
  onSubmit?: () => void;
  submitting?: boolean;
  submitText?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** The one drawer every create/edit form uses: full screen on phones, a side panel on desktops. */
export function FormDrawer({
  open,
  title,
  onClose,
  onSubmit,
  submitting,
  submitText,
  children,
  testId,
}: FormDrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{onSubmit ? t('common.cancel') : t('common.close')}</Button>
          {onSubmit && (
            <Button type="primary" loading={submitting} onClick={onSubmit} data-testid="drawer-submit">
              {submitText ?? t('common.save')}
            </Button>
          )}
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
