import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { blankLetterTemplate } from '@shouwang/shared/letters/default-templates';
import type { LetterTemplateView } from '@shouwang/shared/schemas/letters';
import { App, Button, Card, Flex, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useDeleteTemplate, useLetterTemplates } from '../api';
import { TemplateDrawer, type TemplateDrawerMode } from './TemplateDrawer';

/** The school's letter templates: the term-start and term-end letters and the school's own. */
export function TemplatesPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const templates = useLetterTemplates(schoolId);
  const drawer = useDrawerState<TemplateDrawerMode>();
  const remove = useDeleteTemplate();

  if (templates.isPending) return <Skeleton active />;
  if (templates.isError) return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  const items = templates.data;
  const canEdit = items.some((x) => x.abilities.update);

  const actions = (x: LetterTemplateView) =>
    [
      x.abilities.update && (
        <Button key="edit" icon={<EditOutlined />} onClick={() => drawer.open({ type: 'edit', template: x })}>
          {t('common.edit')}
        </Button>
      ),
      x.abilities.delete && (
        <Popconfirm
          key="delete"
          title={t('letters.templates.confirmDelete')}
          onConfirm={() =>
            remove.mutate(
              { id: x.id, version: x.version },
              { onSuccess: () => message.success(t('letters.templates.deleted')) },
            )
          }
        >
          <Button icon={<DeleteOutlined />} danger aria-label={t('common.delete')} />
        </Popconfirm>
      ),
    ].filter(Boolean);

  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => drawer.open({ type: 'create', schoolId, initial: blankLetterTemplate })}
          >
            {t('letters.templates.add')}
          </Button>
        </Flex>
      )}
      <Card size="small">
        <List
          dataSource={items}
          renderItem={(x) => (
            <List.Item actions={actions(x)} data-testid="letter-template">
              <List.Item.Meta
                title={
                  <Flex wrap gap={8} align="center">
                    <span>{x.name}</span>
                    <Tag color={x.kind === 'custom' ? 'default' : 'blue'}>{t(`letters.kinds.${x.kind}`)}</Tag>
                  </Flex>
                }
                description={
                  <Typography.Text type="secondary">
                    {t('letters.templates.updatedAt', { date: formatDateTime(x.updatedAt) })}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {drawer.state && (
        <TemplateDrawer
          key={drawer.state.key}
          open={drawer.state.open}
          mode={drawer.state.subject}
          onClose={drawer.close}
        />
      )}
    </Flex>
  );
}
