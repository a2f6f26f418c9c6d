import { PlusSquareOutlined } from '@ant-design/icons';
import { fieldToken, mergeFields } from '@shouwang/shared/letters/merge-fields';
import { Button, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 插入合并字段: every field with its label and an example; picking one inserts `{{字段}}` at the cursor. */
export function MergeFieldMenu({ onInsert }: { onInsert: (token: string) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        style: { maxHeight: 360, overflowY: 'auto' },
        onClick: ({ key }) => onInsert(fieldToken(key)),
        items: mergeFields.map((f) => ({
          key: f.name,
          label: (
            <Flex vertical>
              <span>
                {fieldToken(f.name)}
                {en ? ` · ${f.label.en}` : ''}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('letters.templates.example', { value: f.example })}
              </Typography.Text>
            </Flex>
          ),
        })),
      }}
    >
      <Button icon={<PlusSquareOutlined />} data-testid="merge-field-menu">
        {t('letters.templates.insertField')}
      </Button>
    </Dropdown>
  );
}
