<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="63"/>
        <source>Mail accounts</source>
        <translation>邮箱账户</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="75"/>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="78"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="82"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="93"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="103"/>
        <source>SSL (usually port 465)</source>
        <translation>SSL（通常为 465 端口）</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="104"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常为 587 端口）</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="106"/>
        <source>None (this computer only)</source>
        <translation>不加密（仅限本机）</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="114"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="115"/>
        <source>Outgoing server</source>
        <translation>发件服务器</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="116"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="117"/>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="120"/>
        <source>Login and sender</source>
        <translation>登录与发件人</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="122"/>
        <source>usually the full mail address</source>
        <translation>通常为完整的邮箱地址</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="133"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="134"/>
        <source>Sender name</source>
        <translation>发件人名称</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="135"/>
        <source>Sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="143"/>
        <source>Authorisation code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="148"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="246"/>
        <source>Asked for at each send</source>
        <translation>每次发送时询问</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="254"/>
        <source>Stored (not shown)</source>
        <translation>已保存（不显示）</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="256"/>
        <source>An authorisation code is stored in the system password store. Type a new one only to replace it.</source>
        <translation>授权码已保存在系统密码库中。只有需要更换时才输入新的授权码。</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="259"/>
        <source>Not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="261"/>
        <source>Type the authorisation code to keep it in the system password store, or leave it empty to be asked at the first send.</source>
        <translation>输入授权码可保存到系统密码库；留空则在首次发送时询问。</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="320"/>
        <source>Saved; correct the marked fields before sending.</source>
        <translation>已保存；发送前请改正标出的栏目。</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="322"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="331"/>
        <source>Delete account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="332"/>
        <source>Delete the mail account %1?</source>
        <translation>要删除邮箱账户 %1 吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/accounts_dialog.py" line="333"/>
        <source>Its stored authorisation code is removed too. Mails already sent keep their record.</source>
        <translation>其保存的授权码也会一并删除。已发送的邮件记录保留。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../app/ui/application.py" line="115"/>
        <source>Cannot open the register</source>
        <translation>无法打开登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="133"/>
        <source>Server database upgraded</source>
        <translation>服务器数据库已升级</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="141"/>
        <source>Files of the register</source>
        <translation>登记簿的文件</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="178"/>
        <source>Cannot open the office server</source>
        <translation>无法打开办公室服务器上的登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="179"/>
        <source>This PC&apos;s register is opened instead. Correct the office server&apos;s settings under Settings → Database.</source>
        <translation>现改为打开本机的登记册。请在“设置 → 数据库”中改正办公室服务器的设置。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../app/ui/backup_actions.py" line="31"/>
        <location filename="../app/ui/backup_actions.py" line="52"/>
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="33"/>
        <location filename="../app/ui/backup_actions.py" line="79"/>
        <source>Licence Desk backup (*.zip)</source>
        <translation>专利开放许可填报助手备份 (*.zip)</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="54"/>
        <source>Backup cancelled; no file was written.</source>
        <translation>已取消备份，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="62"/>
        <source>Backed up the register and %1 files to %2</source>
        <translation>已将登记簿及 %1 个文件备份到 %2</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="67"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="75"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="88"/>
        <source>Restoring replaces everything in this register: %1 patents, %2 information sheets, %3 deals, %4 generated documents and %5 stored files, with the package history and outbox. The mail accounts and send targets stay. The backup is checked in full first; if it is damaged nothing changes.</source>
        <translation>恢复将替换当前登记簿的全部内容：专利 %1 件、信息表 %2 份、许可 %3 项、已生成文件 %4 份、已保存文件 %5 个，以及提交包记录和发件箱。邮箱账户和报送对象保留。恢复前会先完整检查备份；备份如有损坏，不做任何更改。</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="112"/>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>已取消恢复，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="121"/>
        <source>Restored: %1 patents, %2 information sheets, %3 deals, %4 generated documents and %5 stored files.</source>
        <translation>已恢复：专利 %1 件、信息表 %2 份、许可 %3 项、已生成文件 %4 份、已保存文件 %5 个。</translation>
    </message>
    <message>
        <location filename="../app/ui/backup_actions.py" line="130"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BatchWindow</name>
    <message>
        <location filename="../app/ui/batch_window.py" line="85"/>
        <source>Writing 汇总表.pdf and 汇总表.xlsx…</source>
        <translation>正在写入 汇总表.pdf 和 汇总表.xlsx……</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="104"/>
        <source>Batches and summary lists</source>
        <translation>批次与汇总表</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="114"/>
        <source>Write summary list…</source>
        <translation>生成汇总表…</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="116"/>
        <source>Write 汇总表.xlsx and 汇总表.pdf into a folder.</source>
        <translation>将 汇总表.xlsx 和 汇总表.pdf 写入一个文件夹。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="118"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="134"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="141"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="144"/>
        <source>A new batch; the information sheets selected on the right go into it.</source>
        <translation>新建批次；右侧选中的信息表将放入该批次。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="146"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="149"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="165"/>
        <source>No batch yet. Select the finalised information sheets below, then press New… to put them in a batch.</source>
        <translation>还没有批次。请在下方选中已定稿的信息表，再点“新建…”将其放入一个批次。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="186"/>
        <source>Information sheets</source>
        <translation>信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="190"/>
        <source>Filter by number, title or patentee</source>
        <translation>按专利号、名称或专利权人筛选</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="200"/>
        <source>Greyed: not finalised yet (the tooltip says why); it cannot join a batch.</source>
        <translation>灰色：尚未定稿（鼠标悬停可查看原因），不能加入批次。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="209"/>
        <source>Add →</source>
        <translation>加入 →</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="212"/>
        <source>← Remove</source>
        <translation>← 移出</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="220"/>
        <source>In this batch (in 序号 order)</source>
        <translation>本批次（按序号排列）</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="229"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="232"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="255"/>
        <source>The summary list as it will be printed</source>
        <translation>汇总表打印预览</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="288"/>
        <source>No problems: every sheet of the batch is on the list with all its columns filled in.</source>
        <translation>没有问题：本批次每份信息表都已列入汇总表，各栏均已填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="322"/>
        <source>%1 (%2 sheets)</source>
        <translation>%1（%2 份信息表）</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="458"/>
        <source>Name of the new batch (e.g. 2026 年第一批):</source>
        <translation>新批次名称（如 2026 年第一批）：</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="460"/>
        <source>The %1 selected information sheet(s) go into it.</source>
        <translation>选中的 %1 份信息表将放入该批次。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="462"/>
        <source>New batch</source>
        <translation>新建批次</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="475"/>
        <source>Rename batch</source>
        <translation>重命名批次</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="475"/>
        <source>New name of the batch:</source>
        <translation>批次的新名称：</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="486"/>
        <source>Delete batch</source>
        <translation>删除批次</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="487"/>
        <source>Delete the batch “%1”?</source>
        <translation>要删除批次“%1”吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="488"/>
        <source>Its %1 information sheet(s) stay in the register; only the batch is deleted.</source>
        <translation>其中的 %1 份信息表仍保留在登记册中，只删除批次。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="521"/>
        <source>… and %1 more (hover here for all).</source>
        <translation>……另有 %1 项（鼠标悬停可查看全部）。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="561"/>
        <source>Write summary list</source>
        <translation>生成汇总表</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="562"/>
        <source>%1 information sheet(s) of this batch are left off the list (see the messages under the preview). Write the list without them?</source>
        <translation>本批次有 %1 份信息表未列入汇总表（见预览下方的说明）。不含这些信息表，仍要生成汇总表吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="570"/>
        <source>Folder for the summary list</source>
        <translation>汇总表保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="582"/>
        <source>Writing the summary list</source>
        <translation>正在生成汇总表</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="591"/>
        <location filename="../app/ui/batch_window.py" line="602"/>
        <source>Summary list not written</source>
        <translation>汇总表未生成</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="592"/>
        <source>Nothing was written.</source>
        <translation>没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="594"/>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="597"/>
        <source>Open the folder %1?</source>
        <translation>要打开文件夹 %1 吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/batch_window.py" line="598"/>
        <source>Summary list written</source>
        <translation>汇总表已生成</translation>
    </message>
</context>
<context>
    <name>BulkOffersDialog</name>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="67"/>
        <source>Create information sheets</source>
        <translation>批量创建信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="73"/>
        <source>Information sheets will be created for %1 patent(s) with the defaults below; adjust each one afterwards.</source>
        <translation>将按以下默认内容为 %1 件专利创建信息表，之后可逐件修改。</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="80"/>
        <source>%1 selected patent(s) already have one and are left as they are.</source>
        <translation>所选专利中有 %1 件已有信息表，保持不变。</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="89"/>
        <source>③ and ④</source>
        <translation>③和④</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="92"/>
        <source>Not exploited by the patentee and not licensed to others (choose each sheet&apos;s own answer otherwise)</source>
        <translation>未自行实施专利技术，也未许可他人实施专利（情况不同的，请在各信息表中分别选择）</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="99"/>
        <source>⑤ Licence expiry date</source>
        <translation>⑤许可期限届满日</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="101"/>
        <source>Each patent&apos;s own expiry</source>
        <translation>各专利自身的届满日</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="105"/>
        <source>Years from today:</source>
        <translation>自今日起年数：</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="113"/>
        <source>(never past the patent&apos;s expiry)</source>
        <translation>（不超过专利届满日）</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="119"/>
        <source>⑥ Licence fee standard (choose one)</source>
        <translation>⑥许可使用费标准（任选其一）</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="125"/>
        <source>⑧ Licensor&apos;s contact details</source>
        <translation>⑧许可人联系方式</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="129"/>
        <source>Recipient</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="129"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="130"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="130"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="131"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="138"/>
        <source>For the summary list and the declaration</source>
        <translation>用于汇总表和声明</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="146"/>
        <source>e.g. 3年</source>
        <translation>如 3年</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="150"/>
        <source>Open scope</source>
        <translation>开放范围</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="151"/>
        <source>Single licence term</source>
        <translation>单次许可期限</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="152"/>
        <source>Declaration date</source>
        <translation>声明日期</translation>
    </message>
    <message>
        <location filename="../app/ui/bulk_offers_dialog.py" line="163"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereBar</name>
    <message>
        <location filename="../app/ui/version_guard.py" line="159"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="163"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="172"/>
        <source>This record was changed by %1 at %2.</source>
        <translation>此记录已被 %1 于 %2 修改。</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="173"/>
        <source>another clerk</source>
        <translation>另一位填报人</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="180"/>
        <source>This record was deleted elsewhere. Saving creates it again with what is typed here.</source>
        <translation>此记录已在别处被删除。保存将按此处填写的内容重新建立。</translation>
    </message>
</context>
<context>
    <name>ChoiceFields</name>
    <message>
        <location filename="../app/ui/choice_fields.py" line="45"/>
        <source>Click here to choose this option</source>
        <translation>点击此处选择此项</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <location filename="../app/ui/contract_editor.py" line="143"/>
        <source>From the organisation profile: its first contact is the contract&apos;s 联系人.</source>
        <translation>取自单位信息：第一位联系人即合同中的联系人。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="171"/>
        <source>A licensee typed once is offered again by name; what is typed here updates their block for the next contract.</source>
        <translation>被许可人信息只需填写一次，下次按名称即可选用；此处所改内容将更新其信息供下一份合同使用。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="186"/>
        <source>第六条 to 第十三条</source>
        <translation>第六条至第十三条</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="220"/>
        <source>e.g. 武汉仲裁委员会</source>
        <translation>例如：武汉仲裁委员会</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="228"/>
        <source>(blank)</source>
        <translation>（留空）</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="233"/>
        <source>Signing date (签字盖章日期)</source>
        <translation>签字盖章日期</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="243"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="244"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="245"/>
        <source>Write PDF and Word…</source>
        <translation>生成 PDF 和 Word…</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="247"/>
        <location filename="../app/ui/contract_editor.py" line="634"/>
        <location filename="../app/ui/contract_editor.py" line="640"/>
        <source>Create the deal</source>
        <translation>登记达成许可</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="249"/>
        <source>Record the achieved licence (达成许可) with this contract&apos;s patents, licensee, date and fee</source>
        <translation>按本合同的专利、被许可人、日期和使用费登记达成许可</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="251"/>
        <location filename="../app/ui/contract_editor.py" line="567"/>
        <location filename="../app/ui/contract_editor.py" line="577"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="252"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="274"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="277"/>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="292"/>
        <source>Names separated by 、</source>
        <translation>多人用“、”分隔</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="295"/>
        <source>Record on the patent</source>
        <translation>登记到专利</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="306"/>
        <source>Type, patentees, grant date, number and term come from the register; inventors and the annual-fee date are recorded on the selected patent.</source>
        <translation>专利类型、专利权人、授权日、专利号和有效期限取自登记册；发明人和年费缴纳日期登记在所选专利上。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="315"/>
        <source>一致 — the fee declared on the information sheet</source>
        <translation>一致——即信息表中声明的使用费标准</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="317"/>
        <source>协商修改 — a negotiated fee, stated below</source>
        <translation>协商修改——在下方写明协商后的使用费</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="521"/>
        <source>“%1” is not a date: write it as 2023-05-01.</source>
        <translation>“%1”不是有效日期，请按 2023-05-01 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="534"/>
        <source>(no fee declared on the information sheets of these patents, or they differ)</source>
        <translation>（这些专利的信息表未声明使用费标准，或声明的标准不一致）</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="541"/>
        <source>%1 error(s), %2 warning(s) — click one to go to its field</source>
        <translation>%1 个错误，%2 个提示——点击一项可跳到对应栏目</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="544"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="546"/>
        <source>No errors: the contract is ready to print.</source>
        <translation>没有错误：合同可以打印。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="561"/>
        <source>Licence contract</source>
        <translation>专利开放许可合同</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="562"/>
        <source>Licence contract %1</source>
        <translation>专利开放许可合同 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="568"/>
        <source>The signing date is not a date and will be saved empty. Save anyway?</source>
        <translation>签订日期不是有效日期，保存后将为空。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="604"/>
        <source>Folder for the contract</source>
        <translation>合同保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="616"/>
        <source>Could not write the contract</source>
        <translation>无法生成合同</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="619"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="622"/>
        <source>The contract has errors: the PDF is marked 草稿 (draft).</source>
        <translation>合同仍有错误：PDF 标有“草稿”。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="623"/>
        <source>Contract written</source>
        <translation>合同已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="641"/>
        <source>Recorded as deal %1 in the deal register.</source>
        <translation>已登记为达成许可第 %1 项。</translation>
    </message>
    <message>
        <location filename="../app/ui/contract_editor.py" line="654"/>
        <source>This contract has changes that are not saved. Save them?</source>
        <translation>此合同有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>ContractsWindow</name>
    <message>
        <location filename="../app/ui/other_forms.py" line="81"/>
        <source>Licence contracts</source>
        <translation>专利开放许可合同</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="86"/>
        <source>New contract…</source>
        <translation>新建合同…</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="88"/>
        <source>For the patents selected in the register</source>
        <translation>为登记册中选中的专利新建</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="90"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="93"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="96"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="104"/>
        <source>Each contract is printed as PDF and as a Word file (.docx) to negotiate; a signed one records its deal.</source>
        <translation>每份合同生成 PDF 和可编辑的 Word 文件（.docx）供协商；签订后可登记达成许可。</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="120"/>
        <source>%1 error(s)</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="122"/>
        <source>deal recorded</source>
        <translation>已登记达成许可</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="147"/>
        <source>Delete contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="148"/>
        <source>Delete this contract? Its deal, if recorded, stays.</source>
        <translation>删除此合同吗？已登记的达成许可将保留。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../app/ui/crash_dialog.py" line="22"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../app/ui/crash_dialog.py" line="25"/>
        <source>Something went wrong that Licence Desk did not expect. Your saved data is safe and what you were typing is kept as a draft.
Please copy the details below and send them to your support contact.
The log file is %1</source>
        <translation>程序遇到了意外问题。已保存的数据是安全的，正在输入的内容已作为草稿保留。
请复制下面的详细信息，发送给技术支持人员。
日志文件：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/crash_dialog.py" line="37"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../app/ui/database_dialog.py" line="152"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="79"/>
        <source>This PC (default)</source>
        <translation>本机（默认）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="74"/>
        <source>Database settings</source>
        <translation>数据库设置</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="81"/>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="91"/>
        <source>One clerk: the register is a file on this computer. Back it up from the File menu.</source>
        <translation>单人使用：登记册是本机上的一个文件，可通过“文件”菜单备份。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="98"/>
        <source>Connection</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="107"/>
        <source>the user name IT gave you</source>
        <translation>信息中心分配给您的用户名</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="111"/>
        <source>disable: no encryption (a server on this computer only)</source>
        <translation>disable：不加密（仅限服务器在本机时）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="112"/>
        <source>prefer: encrypt when the server offers it (default)</source>
        <translation>prefer：服务器支持时加密（默认）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="113"/>
        <source>require: always encrypt, without checking the certificate</source>
        <translation>require：始终加密，但不验证证书</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="114"/>
        <source>verify-ca: encrypt and check the certificate against the CA</source>
        <translation>verify-ca：加密，并用 CA 证书验证服务器证书</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="115"/>
        <source>verify-full: also check the server&apos;s name (safest)</source>
        <translation>verify-full：另外核对服务器名称（最安全）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="121"/>
        <source>the office&apos;s CA certificate (.crt, .pem)</source>
        <translation>本单位的 CA 证书（.crt、.pem）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="122"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="150"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="151"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="153"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="154"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="155"/>
        <source>TLS</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="156"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="157"/>
        <location filename="../app/ui/database_dialog.py" line="364"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="180"/>
        <location filename="../app/ui/database_dialog.py" line="434"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="182"/>
        <source>Used from the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="184"/>
        <source>Save and switch now</source>
        <translation>保存并立即切换</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="188"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="266"/>
        <source>Open now: %1</source>
        <translation>当前打开：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="271"/>
        <source>the --db option</source>
        <translation>--db 参数</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="272"/>
        <source>the LICENCE_DESK_DB environment variable</source>
        <translation>环境变量 LICENCE_DESK_DB</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="274"/>
        <source>This copy was started with %1 (%2), which decides over the choice below. What you save here is used when the program starts without it.</source>
        <translation>本次启动使用了%1（%2），它优先于下面的选择。此处保存的设置在不带该参数启动时生效。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="295"/>
        <source>Stored (not shown)</source>
        <translation>已保存（不显示）</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="297"/>
        <source>A password is stored in the system keyring for this user and database. Type a new one only to replace it.</source>
        <translation>系统密钥环中已保存此用户和数据库的密码。只有需要更换时才输入新密码。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="300"/>
        <source>Not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="302"/>
        <source>Kept in the system keyring once the server accepts it, never in the settings file.</source>
        <translation>服务器验证通过后保存到系统密钥环，绝不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="338"/>
        <source>The office&apos;s CA certificate</source>
        <translation>本单位的 CA 证书</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="339"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="358"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="371"/>
        <source>It holds a register of this version.</source>
        <translation>其中的登记册与本版本一致。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="372"/>
        <source>The database is empty: the register is set up in it when it is first opened (by the owner role, see README).</source>
        <translation>数据库为空：首次打开时将在其中建立登记册（需由数据库所有者角色打开，见说明）。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="374"/>
        <source>Its register is from an older version: it is upgraded when opened (by the owner role).</source>
        <translation>其中的登记册来自旧版本：打开时将升级（需由数据库所有者角色打开）。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="376"/>
        <source>Its register was upgraded by a newer version of Licence Desk: install that version to use it.</source>
        <translation>其中的登记册已被更新版本的本软件升级：请安装该版本后再使用。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="379"/>
        <source>Connected to %1 (PostgreSQL %2).</source>
        <translation>已连接到 %1（PostgreSQL %2）。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="410"/>
        <source>Correct the settings marked above first.</source>
        <translation>请先改正上方标出的设置。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="417"/>
        <source>Checking the password with the server…</source>
        <translation>正在向服务器验证密码…</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="431"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="441"/>
        <source>Saved: %1 is opened from the next start.</source>
        <translation>已保存：下次启动时打开 %1。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="449"/>
        <source>To switch now, close these windows first (they may hold unsaved typing on the register open now): %1.</source>
        <translation>如要立即切换，请先关闭以下窗口（其中可能有尚未保存的内容）：%1。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="459"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="469"/>
        <source>The register at %1 is open.</source>
        <translation>已打开 %1 的登记册。</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="477"/>
        <source>Saved, but the register could not be opened now: %1</source>
        <translation>已保存，但现在无法打开该登记册：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/database_dialog.py" line="480"/>
        <source>Opening the register…</source>
        <translation>正在打开登记册…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../app/ui/date_input.py" line="62"/>
        <source>e.g. 2017-07-21</source>
        <translation>如 2017-07-21</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <location filename="../app/ui/deal_editor.py" line="264"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="267"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="270"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="275"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="292"/>
        <source>Patents licensed (all of a package, in the contract&apos;s order)</source>
        <translation>许可的专利（打包许可的全部专利，按合同顺序）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="298"/>
        <source>Search the register by number, title or patentee</source>
        <translation>按专利号、名称或专利权人检索登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="334"/>
        <source>Add →</source>
        <translation>加入 →</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="337"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="340"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="343"/>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="355"/>
        <source>Patents of this deal</source>
        <translation>本次许可的专利</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="372"/>
        <source>Licensors (the patentees)</source>
        <translation>许可人（专利权人）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="375"/>
        <source>The licensors are read from the register: edit the patent there to change them.</source>
        <translation>许可人取自登记册；如需修改，请在登记册中编辑该专利。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="381"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="385"/>
        <source>The licensee&apos;s full name, e.g. 武汉某某科技有限公司</source>
        <translation>被许可人全称，如 武汉某某科技有限公司</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="386"/>
        <source>Licensee</source>
        <translation>被许可人</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="390"/>
        <source>Licence (contract) date</source>
        <translation>许可（合同）日期</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="392"/>
        <source>e.g. 2023-05-01 至 2026-04-30, or 3年</source>
        <translation>如 2023-05-01 至 2026-04-30，或 3年</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="393"/>
        <source>Licence term</source>
        <translation>许可期限</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="395"/>
        <source>Concluded through an open-licence offer</source>
        <translation>通过开放许可声明达成</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="399"/>
        <source>(the offer of one of the deal&apos;s patents)</source>
        <translation>（本次许可中某件专利的开放许可声明）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="407"/>
        <source>Open licence</source>
        <translation>开放许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="410"/>
        <source>The agency (代理机构) that brokered it, if any</source>
        <translation>促成许可的代理机构（如有）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="411"/>
        <source>Agency</source>
        <translation>代理机构</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="420"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="424"/>
        <source>Licence fee: how it is paid (choose one)</source>
        <translation>许可使用费支付方式（选择一项）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="444"/>
        <location filename="../app/ui/deal_editor.py" line="578"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="445"/>
        <source>Entry fee (yuan)</source>
        <translation>入门费（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="446"/>
        <source>Royalty (% of sales)</source>
        <translation>提成（销售额的 %）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="447"/>
        <source>Payment terms</source>
        <translation>支付条件</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="571"/>
        <source>the other terms in words</source>
        <translation>用文字写明其他支付条件</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="464"/>
        <source>On the deal list (computed by the notice&apos;s footnote)</source>
        <translation>列入许可清单的数值（按通知脚注计算）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="414"/>
        <source>What the licensee has paid so far, in yuan</source>
        <translation>被许可人至今已支付的金额（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="415"/>
        <source>Amount received (到款额, yuan)</source>
        <translation>到款额（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="472"/>
        <source>Licence fee (万元)</source>
        <translation>许可使用费（万元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="474"/>
        <source>Remark (agency)</source>
        <translation>备注（代理机构）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="478"/>
        <source>Free and royalty-only licences report 0; entry fee + royalty reports the entry fee only; both royalty methods are named in the remark.</source>
        <translation>免费许可和仅提成许可填 0；入门费加提成只填入门费；两种提成方式均在备注中注明。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="483"/>
        <source>Supporting files (contract or filing record; receipts for a paid licence)</source>
        <translation>证明材料（合同或备案证明；有偿许可还需付款凭证）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="488"/>
        <source>Numbered as</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="488"/>
        <location filename="../app/ui/deal_editor.py" line="518"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="488"/>
        <source>Original file</source>
        <translation>原文件</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="488"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="508"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="511"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="514"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="527"/>
        <source>Files are copied into the program&apos;s data folder and numbered by the deal&apos;s 序号 (3-1 合同.pdf); the originals are not touched. Adding a file to a new deal saves the deal first.</source>
        <translation>文件会复制到本软件的数据文件夹，并按许可的序号编号（如 3-1 合同.pdf），原文件不受影响。为新的许可添加文件时，会先保存该许可。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="574"/>
        <source>Total of the instalments (yuan)</source>
        <translation>分期付款总额（元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="575"/>
        <source>Amount, if it can be valued (yuan)</source>
        <translation>金额（可估值时填写，元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="592"/>
        <source>(not in the register)</source>
        <translation>（不在登记册中）</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="761"/>
        <source>“%1” is not a date: write it as 2023-05-01.</source>
        <translation>“%1”不是有效日期，请按 2023-05-01 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="782"/>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="791"/>
        <source>%1 error(s), %2 warning(s) — click one to go to its field</source>
        <translation>%1 个错误，%2 个提示——点击一项可跳到对应栏目</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="794"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="796"/>
        <source>No errors: the deal is ready for the deal list.</source>
        <translation>没有错误，可以列入许可清单。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="806"/>
        <source>%1 万元</source>
        <translation>%1 万元</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="867"/>
        <source>Add supporting files</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="887"/>
        <location filename="../app/ui/deal_editor.py" line="896"/>
        <location filename="../app/ui/deal_editor.py" line="899"/>
        <source>Supporting files</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="900"/>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="908"/>
        <source>Remove supporting file</source>
        <translation>删除证明材料</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="909"/>
        <source>Remove %1 from this deal?</source>
        <translation>要从本次许可中删除 %1 吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="910"/>
        <source>The copy in the program&apos;s data folder is deleted; the original file you added it from is not touched.</source>
        <translation>将删除本软件数据文件夹中的副本；您添加时使用的原文件不受影响。</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="929"/>
        <source>New deal</source>
        <translation>新增许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="931"/>
        <source>Deal %1</source>
        <translation>许可 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="940"/>
        <location filename="../app/ui/deal_editor.py" line="951"/>
        <source>Save deal</source>
        <translation>保存许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="941"/>
        <source>The licence date is not a date and will be saved empty. Save anyway?</source>
        <translation>许可日期不是有效日期，将按空白保存。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="972"/>
        <source>Deal saved</source>
        <translation>许可已保存</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="984"/>
        <source>This deal has changes that are not saved. Save them?</source>
        <translation>这项许可有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="1040"/>
        <source>New deal from an offer</source>
        <translation>由开放许可声明新建许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="1041"/>
        <source>A new deal typed earlier was never saved. Replace it with a deal from this offer?</source>
        <translation>之前新建的一项许可尚未保存。要用此声明生成的许可替换它吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deal_editor.py" line="1045"/>
        <source>No opens the unsaved deal instead.</source>
        <translation>选择“否”则打开那项未保存的许可。</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../app/ui/deals_window.py" line="151"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="152"/>
        <source>Licensors (patentees)</source>
        <translation>许可人（专利权人）</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="153"/>
        <source>Licensee</source>
        <translation>被许可人</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="154"/>
        <source>Patent numbers</source>
        <translation>专利号</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="155"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="156"/>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="157"/>
        <source>Amount (万元)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="158"/>
        <source>Agency</source>
        <translation>代理机构</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="159"/>
        <source>Files</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="187"/>
        <source>Problems found in the deal</source>
        <translation>许可记录中发现的问题</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="189"/>
        <source>What the deal list reports, by the notice&apos;s footnote: 0 for free and royalty-only licences, the entry fee only for entry fee + royalty.</source>
        <translation>按通知脚注列入许可清单的数值：免费许可和仅提成许可为 0；入门费加提成只计入门费。</translation>
    </message>
</context>
<context>
    <name>DealsWindow</name>
    <message>
        <location filename="../app/ui/deals_window.py" line="333"/>
        <source>Deals — achieved licences</source>
        <translation>达成许可登记</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="364"/>
        <source>Filter by licensee, licensor, patent or agency</source>
        <translation>按被许可人、许可人、专利或代理机构筛选</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="390"/>
        <source>&amp;Add deal…</source>
        <translation>添加许可(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="392"/>
        <source>New deal from an &amp;offer…</source>
        <translation>由开放许可声明新建许可(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="394"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="395"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="397"/>
        <source>&amp;Renumber by date…</source>
        <translation>按日期重新编号(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="400"/>
        <source>Give the deals 序号 1, 2, 3 … by licence date, and rename their supporting files to match.</source>
        <translation>按许可日期为各项许可重新编排序号 1、2、3……，并相应重命名其证明材料。</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="402"/>
        <source>Summary &amp;book…</source>
        <translation>总结书(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="404"/>
        <source>Deals</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="428"/>
        <source>%1 deal(s), %2 with errors · reported fees %3 万元</source>
        <translation>许可 %1 项，有错误 %2 项 · 填报许可使用费 %3 万元</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="496"/>
        <source>New deal from an offer</source>
        <translation>由开放许可声明新建许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="497"/>
        <source>There are no open-licence offers in the register yet.</source>
        <translation>登记册中还没有开放许可声明。</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="516"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="518"/>
        <source>Delete these %1 deals?</source>
        <translation>要删除这 %1 项许可吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="519"/>
        <source>Delete this deal?</source>
        <translation>要删除这项许可吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="521"/>
        <source>Their supporting files are deleted from the program&apos;s data folder (the originals you added them from are not touched). This cannot be undone.</source>
        <translation>其证明材料将从本软件的数据文件夹中删除（您添加时使用的原文件不受影响）。删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="523"/>
        <source>Delete deals</source>
        <translation>删除许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="527"/>
        <source>Deleted: %1</source>
        <translation>已删除 %1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="532"/>
        <source>Renumber deals</source>
        <translation>重新编号</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="533"/>
        <source>Number the deals 1, 2, 3 … by licence date?</source>
        <translation>要按许可日期将各项许可编号为 1、2、3……吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="534"/>
        <source>Their supporting files are renamed to the new numbers. Printed lists and files already sent keep the old numbers.</source>
        <translation>其证明材料将按新编号重命名。已打印的清单和已发送的文件仍为原编号。</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="541"/>
        <source>Renumbered: %1</source>
        <translation>已重新编号：%1 项</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="565"/>
        <source>(no licensee)</source>
        <translation>（无被许可人）</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="567"/>
        <source>New deal: %1</source>
        <translation>新增许可：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="569"/>
        <source>Deal %1: %2</source>
        <translation>许可 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="572"/>
        <source>Unsaved deals</source>
        <translation>未保存的许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="573"/>
        <source>Some deals were being edited and were not saved. Restore them?</source>
        <translation>上次有许可正在编辑但未保存。要恢复吗？</translation>
    </message>
</context>
<context>
    <name>FeePanel</name>
    <message>
        <location filename="../app/ui/fee_panel.py" line="113"/>
        <source>Free of charge.</source>
        <translation>免费使用。</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="115"/>
        <source>Entry fee plus royalty: an entry fee of</source>
        <translation>采用入门费和提成费相结合的方式，其中入门费为</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="116"/>
        <source>yuan,</source>
        <translation>元，</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="117"/>
        <source>and a royalty of</source>
        <translation>提成费按当年度合同产品净销售额的</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="119"/>
        <source>% of the year&apos;s net sales of contract products.</source>
        <translation>%提取。</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="122"/>
        <source>Lump sum: within</source>
        <translation>采用一次总付的方式，在合同生效后</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="123"/>
        <source>days after the contract takes effect, all fees paid in full:</source>
        <translation>日内一次性全额支付所有使用费</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="124"/>
        <location filename="../app/ui/fee_panel.py" line="145"/>
        <source>yuan.</source>
        <translation>元。</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="128"/>
        <source>(period)</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="129"/>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="130"/>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="131"/>
        <source>year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="133"/>
        <source>Instalments within a total: within</source>
        <translation>采用总付额内分期支付的方式，在合同生效后</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="135"/>
        <source>days after the contract takes effect,</source>
        <translation>日内</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="136"/>
        <source>a first payment of</source>
        <translation>支付第一批次</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="137"/>
        <source>yuan;</source>
        <translation>元，</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="138"/>
        <source>then within</source>
        <translation>后在每个会计期间截止前的</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="139"/>
        <source>days before the end of each accounting</source>
        <translation>日内，按会计</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="140"/>
        <source>in</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="141"/>
        <source>batches of</source>
        <translation>批次支付，每次支付</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="142"/>
        <source>yuan each;</source>
        <translation>元。</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="143"/>
        <source>in all, including the first,</source>
        <translation>包括第一次在内总共支付</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="144"/>
        <source>payments totalling</source>
        <translation>次，共计</translation>
    </message>
    <message>
        <location filename="../app/ui/fee_panel.py" line="149"/>
        <source>Another clear and reasonable fee standard:</source>
        <translation>其他明确合理的许可使用费标准</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../app/ui/inventory_window.py" line="577"/>
        <source>Enterprise feedback: {number}</source>
        <translation>企业反馈：{number}</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="594"/>
        <source>Enterprise:</source>
        <translation>反馈企业：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="595"/>
        <source>Received on:</source>
        <translation>反馈日期：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="596"/>
        <source>Industrialisation prospect:</source>
        <translation>产业化前景评价：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="597"/>
        <source>Technical improvement needs:</source>
        <translation>技术改进需求：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="598"/>
        <source>Cooperation intention:</source>
        <translation>产学研合作意向：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="599"/>
        <source>Cooperation note:</source>
        <translation>合作意向说明：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="600"/>
        <source>&amp;Add this feedback</source>
        <translation>登记此条反馈(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="627"/>
        <source>The date must be written as 2024-03-01.</source>
        <translation>日期请按 2024-03-01 的格式填写。</translation>
    </message>
</context>
<context>
    <name>FirstStartGuide</name>
    <message>
        <location filename="../app/ui/first_start.py" line="28"/>
        <source>&amp;How to use Licence Desk…</source>
        <translation>使用说明(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="29"/>
        <source>The Hubei and Henan submissions, step by step</source>
        <translation>湖北、河南两省报送材料的操作步骤</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="31"/>
        <source>Open the &amp;sample register</source>
        <translation>打开示例登记册(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="33"/>
        <source>Fill the empty register with an invented unit&apos;s patents to explore</source>
        <translation>在空登记册中填入一个虚构单位的专利，供熟悉操作</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="35"/>
        <source>&amp;Remove the sample register</source>
        <translation>删除示例登记册(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="37"/>
        <source>Delete the sample and everything added to it, in one step</source>
        <translation>一次删除示例及其中新增的全部内容</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="49"/>
        <source>&lt;b&gt;Sample register&lt;/b&gt; — 示例大学（样例） and its patents are invented, for exploring only. Anything added here is removed with the sample.</source>
        <translation>&lt;b&gt;示例登记册&lt;/b&gt;——示例大学（样例）及其专利均为虚构，仅供熟悉操作。在这里新增的内容会随示例一并删除。</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="54"/>
        <location filename="../app/ui/first_start.py" line="149"/>
        <location filename="../app/ui/first_start.py" line="155"/>
        <source>Remove the sample register</source>
        <translation>删除示例登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="89"/>
        <source>sample register (示例大学（样例）)</source>
        <translation>示例登记册：示例大学（样例）</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="106"/>
        <source>Welcome. Licence Desk fills the provincial forms from the unit&apos;s details and its patents. Start with the unit&apos;s name, address and contacts.</source>
        <translation>欢迎使用。本软件根据本单位信息和专利登记册填写各省的报送表格。请先填写本单位的名称、地址和联系人。</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="110"/>
        <source>To look around first, open the sample register: an invented unit, 示例大学（样例）, with three patents. It is removed in one step (Help → Remove the sample register) and cannot mix with your records.</source>
        <translation>如想先熟悉操作，可打开示例登记册：一个虚构的单位“示例大学（样例）”及三件专利。用 帮助 → 删除示例登记册 可一次删除，不会与您的记录混在一起。</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="114"/>
        <source>First start</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="137"/>
        <source>Sample register</source>
        <translation>示例登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="150"/>
        <source>Remove the sample register and everything added to it?</source>
        <translation>要删除示例登记册及其中新增的全部内容吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/first_start.py" line="151"/>
        <source>The register is then empty, ready for your unit&apos;s records.</source>
        <translation>删除后登记册为空，可以录入本单位的记录。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="13"/>
        <source>How to use Licence Desk</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="30"/>
        <source>Before anything else</source>
        <translation>开始之前</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="32"/>
        <source>&lt;b&gt;File → Organisation profile…&lt;/b&gt;: the unit&apos;s name, legal representative, address and contacts. Every form takes them from here.</source>
        <translation>&lt;b&gt;文件 → 单位信息…&lt;/b&gt;：填写本单位名称、法定代表人、地址和联系人。各类表格都从这里取用。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="34"/>
        <source>&lt;b&gt;Patents → Add patent…&lt;/b&gt;, or &lt;b&gt;Patents → Import patents from Excel…&lt;/b&gt; for a list. Each field is checked as you type; the pane under the table says what still needs checking for the selected patent.</source>
        <translation>&lt;b&gt;专利 → 添加专利…&lt;/b&gt;，或用 &lt;b&gt;专利 → 从 Excel 导入专利…&lt;/b&gt; 导入清单。每一栏在输入时即检查；表格下方的窗格列出选中专利还需核对的内容。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="37"/>
        <source>To look around first, &lt;b&gt;Help → Open the sample register&lt;/b&gt; fills an empty register with an invented unit, 示例大学（样例）; &lt;b&gt;Help → Remove the sample register&lt;/b&gt; empties it again in one step.</source>
        <translation>如想先熟悉操作，&lt;b&gt;帮助 → 打开示例登记册&lt;/b&gt; 会在空登记册中填入虚构的“示例大学（样例）”；&lt;b&gt;帮助 → 删除示例登记册&lt;/b&gt; 可一次清空。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="41"/>
        <source>Hubei: information sheets, declarations and the summary list</source>
        <translation>湖北：信息表、声明和汇总表</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="44"/>
        <source>Select patents and choose &lt;b&gt;Information sheets → Create information sheets for the selected…&lt;/b&gt;, then open each with &lt;b&gt;Information sheet…&lt;/b&gt; and fill in ①–⑨. Findings are listed beside the form; a click on one jumps to its field.</source>
        <translation>选中专利，选择 &lt;b&gt;信息表 → 为选中的专利创建信息表…&lt;/b&gt;，再用 &lt;b&gt;信息表…&lt;/b&gt; 逐份打开，填写 ①–⑨。检查结果列在表格旁，点击一条即跳到对应栏目。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="48"/>
        <source>&lt;b&gt;Finalise the selected information sheets&lt;/b&gt; once a sheet has no errors, then &lt;b&gt;Generate PDFs…&lt;/b&gt;: the information sheet and the declaration, ready to print.</source>
        <translation>信息表没有错误后，选择 &lt;b&gt;将选中的信息表定稿&lt;/b&gt;，再 &lt;b&gt;生成 PDF…&lt;/b&gt;：得到可直接打印的信息表和声明。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="51"/>
        <source>Print, sign and seal them; scan the stamped paper and add it with &lt;b&gt;Attach a sealed copy…&lt;/b&gt;.</source>
        <translation>打印、签字并盖章；扫描盖章后的纸件，用 &lt;b&gt;附加盖章件…&lt;/b&gt; 加入。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="53"/>
        <source>&lt;b&gt;Submission → Batches and summary list…&lt;/b&gt;: put the finalised sheets into a batch and write its summary list (汇总表) as Excel and PDF.</source>
        <translation>&lt;b&gt;报送 → 批次与汇总表…&lt;/b&gt;：把已定稿的信息表放入一个批次，生成 Excel 和 PDF 格式的汇总表。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="55"/>
        <source>&lt;b&gt;Submission → Build a package…&lt;/b&gt; with the Hubei target: every document is checked and the e-mail is prepared. Set up the mailbox once in &lt;b&gt;Mail accounts…&lt;/b&gt;, then send from the &lt;b&gt;Outbox…&lt;/b&gt;.</source>
        <translation>&lt;b&gt;报送 → 生成报送材料包…&lt;/b&gt;，报送对象选湖北：逐份检查材料并准备好邮件。在 &lt;b&gt;邮箱账户…&lt;/b&gt; 中设置一次邮箱，然后从 &lt;b&gt;发件箱…&lt;/b&gt; 发送。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="59"/>
        <source>Henan: achieved licences and the summary book</source>
        <translation>河南：达成许可和总结书</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="61"/>
        <source>&lt;b&gt;Licences → Achieved licences…&lt;/b&gt;: every licence achieved, with its patents, licensee, payment and the signed contract&apos;s scan.</source>
        <translation>&lt;b&gt;许可 → 达成许可…&lt;/b&gt;：登记每一项达成的许可，包括专利、被许可人、付款方式和已签合同的扫描件。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="63"/>
        <source>&lt;b&gt;Licences → Summary book…&lt;/b&gt; for the period: its statistics are computed from the licences; write the profile and the self-evaluation, then generate the book and its Excel tables.</source>
        <translation>&lt;b&gt;许可 → 总结书…&lt;/b&gt;，选择报告期：统计数据由许可记录自动计算；填写单位简介和自评，然后生成总结书及其 Excel 表格。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="66"/>
        <source>An operations-centre university also fills &lt;b&gt;Licences → Ops-centre summary table…&lt;/b&gt;; where the notice asks for them, the &lt;b&gt;Contacts sheet…&lt;/b&gt; and the &lt;b&gt;Henan application and work plan…&lt;/b&gt;.</source>
        <translation>运营管理中心高校还需填写 &lt;b&gt;许可 → 运营管理中心建设工作总结表…&lt;/b&gt;；通知要求时，另填 &lt;b&gt;联系人信息表…&lt;/b&gt; 和 &lt;b&gt;河南省申请书和工作方案…&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="69"/>
        <source>&lt;b&gt;Submission → Build a package…&lt;/b&gt; with the Henan (or Xinyang) target, then send it from the &lt;b&gt;Outbox…&lt;/b&gt; as for Hubei.</source>
        <translation>&lt;b&gt;报送 → 生成报送材料包…&lt;/b&gt;，报送对象选河南（或信阳），然后与湖北一样从 &lt;b&gt;发件箱…&lt;/b&gt; 发送。</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="72"/>
        <source>Keeping the data safe</source>
        <translation>数据安全</translation>
    </message>
    <message>
        <location filename="../app/ui/guide_dialog.py" line="73"/>
        <source>Back up with &lt;b&gt;File → Back up to a file…&lt;/b&gt;, not by copying the database file while the program runs; &lt;b&gt;File → Restore from a backup file…&lt;/b&gt; reads the backup back.</source>
        <translation>请用 &lt;b&gt;文件 → 备份到文件…&lt;/b&gt; 备份，不要在程序运行时直接复制数据库文件；用 &lt;b&gt;文件 → 从备份文件恢复…&lt;/b&gt; 读回备份。</translation>
    </message>
</context>
<context>
    <name>HenanApplicationEditor</name>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="103"/>
        <source>Henan application and work plan %1–%2</source>
        <translation>河南省申请书和工作方案 %1–%2</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="120"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="136"/>
        <source>单位名称, 法人代表, 联系电话 and 传真号码 come from the organisation profile.</source>
        <translation>单位名称、法人代表、联系电话和传真号码取自单位信息。</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="153"/>
        <source>Fill in the liaison from the profile&apos;s first contact</source>
        <translation>用单位信息的第一位联系人填写联络人</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="162"/>
        <source>Work plan (工作方案)</source>
        <translation>工作方案</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="175"/>
        <source>Insert the register&apos;s figures</source>
        <translation>插入登记册中的数据</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="177"/>
        <source>Sheets declared, licences achieved and their amounts, as the register holds them</source>
        <translation>登记册中已声明的信息表、达成许可数量及金额</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="191"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="192"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="193"/>
        <source>Write PDFs…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="194"/>
        <location filename="../app/ui/henan_application_editor.py" line="304"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="195"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="259"/>
        <source>“%1” is not a date: write it as 2023-05-01.</source>
        <translation>“%1”不是有效日期，请按 2023-05-01 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="271"/>
        <source>%1 error(s), %2 warning(s) — click one to go to its field</source>
        <translation>%1 个错误，%2 个提示——点击一项可跳到对应栏目</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="274"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="276"/>
        <source>No errors: the application is ready to print.</source>
        <translation>没有错误：申请书可以打印。</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="305"/>
        <source>The application date is not a date and will be saved empty. Save anyway?</source>
        <translation>申报时间不是有效日期，保存后将为空。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="329"/>
        <source>Folder for the PDFs</source>
        <translation>PDF 保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="340"/>
        <source>Could not write the PDFs</source>
        <translation>无法生成 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="343"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="346"/>
        <source>The application has errors: the PDFs are marked 草稿 (draft).</source>
        <translation>申请书仍有错误：PDF 标有“草稿”。</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="348"/>
        <source>PDFs written</source>
        <translation>PDF 已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/henan_application_editor.py" line="360"/>
        <source>The application has changes that are not saved. Save them?</source>
        <translation>申请书有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../app/ui/import_wizard.py" line="237"/>
        <source>Import a patent list</source>
        <translation>导入专利清单</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="248"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="255"/>
        <location filename="../app/ui/import_wizard.py" line="486"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="276"/>
        <source>Choose the Excel workbook (.xlsx) or CSV file that lists the patents. A list laid out like the summary list (汇总表) is read as it is; for any other layout you will say which column holds what. Nothing is written to the register until you press Import on the preview.</source>
        <translation>请选择列有专利的 Excel 工作簿（.xlsx）或 CSV 文件。按汇总表格式排列的清单可直接读取；其他格式需要指定各列的内容。在预览页按“导入”之前，不会写入登记册。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="286"/>
        <source>Path of the .xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件的路径</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="288"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="293"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="296"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="316"/>
        <source>The headings are in row</source>
        <translation>表头所在行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="327"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="327"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="327"/>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="342"/>
        <source>Required: the patent number identifies each row.</source>
        <translation>必填：以专利号识别每一行。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="368"/>
        <source>Only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="373"/>
        <source>Columns…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="375"/>
        <source>Check or change which column holds what.</source>
        <translation>核对或修改各列对应的内容。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="407"/>
        <source>Patents already in the register</source>
        <translation>登记册中已有的专利</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="410"/>
        <source>Skip them (the register stays as it is)</source>
        <translation>跳过（登记册保持不变）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="413"/>
        <source>Update them with what the file fills in</source>
        <translation>用文件中填写的内容更新</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="423"/>
        <source>Rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="425"/>
        <source>Import the rows without errors only</source>
        <translation>只导入没有错误的行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="428"/>
        <source>Otherwise nothing is imported while a row has errors: correct the file and read it again.</source>
        <translation>否则只要有一行有错误就全部不导入：请改正文件后重新读取。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="460"/>
        <source>Contact person (summary list)</source>
        <translation>联系人（汇总表）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="461"/>
        <source>Contact phone (summary list)</source>
        <translation>联系电话（汇总表）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="471"/>
        <source>① File</source>
        <translation>① 文件</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="471"/>
        <source>② Columns</source>
        <translation>② 列</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="471"/>
        <source>③ Preview</source>
        <translation>③ 预览</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="472"/>
        <source>④ Result</source>
        <translation>④ 结果</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="486"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="488"/>
        <source>Read file &gt;</source>
        <translation>读取文件 &gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="491"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="494"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="534"/>
        <source>Choose a patent list</source>
        <translation>选择专利清单</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="535"/>
        <source>Patent lists (*.xlsx *.xlsm *.csv *.txt *.xls);;All files (*)</source>
        <translation>专利清单 (*.xlsx *.xlsm *.csv *.txt *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="562"/>
        <source>%1 rows read…</source>
        <translation>已读取 %1 行……</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="576"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="582"/>
        <source>Reading was cancelled; nothing was imported.</source>
        <translation>已取消读取，没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="616"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="647"/>
        <source>The columns are filled in as you chose them for the last file with the same headings.</source>
        <translation>各列已按上次相同表头的文件的选择填好。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="650"/>
        <source>The file is laid out like the summary list; the columns below were recognised from its headings.</source>
        <translation>该文件按汇总表格式排列，已根据表头识别出以下各列。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="652"/>
        <source>Choose for each item the column that holds it. Items left as “(not imported)” are left empty; the patent number is required.</source>
        <translation>请为每个项目选择对应的列。保持“（不导入）”的项目留空；专利号必须选择。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="679"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="683"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="685"/>
        <source>%1 (no heading)</source>
        <translation>%1（无表头）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="767"/>
        <source>Reading the rows</source>
        <translation>正在读取各行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="789"/>
        <source>%1 rows · %2 with errors · %3 already in the register · %4 ignored (no number, title or patentee)</source>
        <translation>共 %1 行 · %2 行有错误 · %3 行已在登记册中 · %4 行已忽略（无专利号、名称或专利权人）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="804"/>
        <source>Select a row to read its messages in full.</source>
        <translation>选中一行可查看完整的提示信息。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="813"/>
        <source>In the register: %1</source>
        <translation>登记册中：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="818"/>
        <source>Row %1: no problems.</source>
        <translation>第 %1 行：没有问题。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="834"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="844"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="851"/>
        <source>%1 patent(s) added to the register.</source>
        <translation>已向登记册添加 %1 件专利。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="853"/>
        <source>%1 patent(s) updated.</source>
        <translation>已更新 %1 件专利。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="854"/>
        <source>%1 patent(s) already in the register were skipped.</source>
        <translation>已跳过登记册中已有的 %1 件专利。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="858"/>
        <source>%1 row(s) with errors were left out (rows %2).</source>
        <translation>有错误的 %1 行未导入（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="864"/>
        <source>Screening columns written for %1 patent(s).</source>
        <translation>已写入 %1 件专利的盘点信息。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="867"/>
        <source>Information sheets: %1 created as drafts, %2 updated.</source>
        <translation>信息表：新建草稿 %1 份，更新 %2 份。</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="874"/>
        <source>%1 new record(s) have findings to check in the register (for example a missing filing date).</source>
        <translation>有 %1 条新记录需要在登记册中核对（例如缺少申请日）。</translation>
    </message>
</context>
<context>
    <name>Interaction</name>
    <message>
        <location filename="../app/ui/interaction.py" line="64"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="66"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="68"/>
        <location filename="../app/ui/interaction.py" line="91"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="87"/>
        <source>Enter the unit&apos;s details…</source>
        <translation>填写本单位信息…</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="89"/>
        <source>Open the sample register</source>
        <translation>打开示例登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="155"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="156"/>
        <source>No program on this computer opens this. It is here:</source>
        <translation>本机没有能打开它的程序。文件位置：</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="177"/>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="178"/>
        <source>No program on this computer prints PDF files. Open the file in a PDF reader and print it from there. It is here:</source>
        <translation>本机没有能打印 PDF 文件的程序。请用 PDF 阅读器打开该文件后打印。文件位置：</translation>
    </message>
    <message>
        <location filename="../app/ui/interaction.py" line="209"/>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
</context>
<context>
    <name>InventoryWindow</name>
    <message>
        <location filename="../app/ui/inventory_window.py" line="295"/>
        <source>Patent number</source>
        <translation>专利号</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="296"/>
        <source>Title</source>
        <translation>专利名称</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="297"/>
        <source>Type</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="298"/>
        <source>Legal status</source>
        <translation>法律状态</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="299"/>
        <source>Verdict</source>
        <translation>筛选结论</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="300"/>
        <source>Intention</source>
        <translation>转化意愿</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="301"/>
        <source>Strategic emerging industry</source>
        <translation>战略性新兴产业</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="302"/>
        <source>National economy</source>
        <translation>国民经济行业</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="303"/>
        <source>IPC</source>
        <translation>IPC分类</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="304"/>
        <source>Maturity (TRL)</source>
        <translation>技术成熟度</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="305"/>
        <source>Market prospect</source>
        <translation>市场应用前景</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="306"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="307"/>
        <source>Transfer</source>
        <translation>转让</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="308"/>
        <source>To be abandoned</source>
        <translation>即将放弃</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="309"/>
        <source>Co-owned with a company</source>
        <translation>与企业共有</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="310"/>
        <source>Ownership dispute</source>
        <translation>权属纠纷</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="311"/>
        <source>Evaluator</source>
        <translation>评价人</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="312"/>
        <source>Evaluated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="313"/>
        <source>Next annual fee</source>
        <translation>下次年费</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="314"/>
        <source>Feedback</source>
        <translation>企业反馈</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="315"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="369"/>
        <source>{count} patents were changed by someone else after this edit and were left as they are.</source>
        <translation>{count} 件专利在此次修改后已被他人改动，保持原样未撤销。</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="380"/>
        <source>Stock-patent inventory (存量专利盘点)</source>
        <translation>存量专利盘点</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="385"/>
        <source>Filter: number, title, patentee, field…</source>
        <translation>筛选：专利号、名称、专利权人、技术领域…</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="390"/>
        <source>All patents</source>
        <translation>全部专利</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="390"/>
        <source>Not screened yet</source>
        <translation>尚未筛选</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="390"/>
        <source>Convertible</source>
        <translation>可转化</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="391"/>
        <source>In one of the five situations</source>
        <translation>属于五种情形之一</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="391"/>
        <source>With problems</source>
        <translation>有问题的</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="392"/>
        <source>Annual fee due within 90 days</source>
        <translation>90 天内年费到期</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="424"/>
        <source>Set for the selected patents</source>
        <translation>为选中的专利设置</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="426"/>
        <source>Clear for the selected</source>
        <translation>为选中的专利清空</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="436"/>
        <source>Field:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="438"/>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="452"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="454"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="456"/>
        <source>Write the &amp;Anhui tables…</source>
        <translation>生成安徽盘点表(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="458"/>
        <source>Enterprise &amp;feedback…</source>
        <translation>企业反馈(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="460"/>
        <source>Inventory</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="481"/>
        <source>{total} patents, {shown} shown, {selected} selected</source>
        <translation>共 {total} 件专利，显示 {shown} 件，选中 {selected} 件</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="506"/>
        <source>Enter an IPC class such as G06F; a section alone is not a class.</source>
        <translation>请填写 IPC 小类，如 G06F；只有部不算分类号。</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="518"/>
        <source>{field} for {count} patents</source>
        <translation>{count} 件专利的{field}</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="521"/>
        <source>{field} set for {count} patents. Undo with Ctrl+Z.</source>
        <translation>已为 {count} 件专利设置{field}。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="539"/>
        <source>Folder for the Anhui tables</source>
        <translation>盘点表保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="546"/>
        <source>Anhui tables</source>
        <translation>安徽盘点表</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="550"/>
        <source>The screening has errors: the PDFs are marked 草稿. Show &apos;With problems&apos; to fix them.</source>
        <translation>盘点信息有错误，PDF 已加“草稿”水印。请选择“有问题的”逐一改正。</translation>
    </message>
    <message>
        <location filename="../app/ui/inventory_window.py" line="558"/>
        <source>Select one patent to see or record its feedback.</source>
        <translation>请选中一件专利，查看或登记其企业反馈。</translation>
    </message>
</context>
<context>
    <name>LongTextField</name>
    <message>
        <location filename="../app/ui/long_text.py" line="28"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../app/ui/long_text.py" line="30"/>
        <source>%1 of %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <location filename="../app/ui/long_text.py" line="53"/>
        <source>What the notice asks for</source>
        <translation>通知要求填写的内容</translation>
    </message>
    <message>
        <location filename="../app/ui/long_text.py" line="55"/>
        <source>What the notice asks for (not printed)</source>
        <translation>通知要求填写的内容（不打印）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="149"/>
        <source>Select a patent to see what needs checking.</source>
        <translation>选中一件专利，可在此查看需要核对的问题。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="164"/>
        <source>Filter by number, title or patentee</source>
        <translation>按专利号、名称或专利权人筛选</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="193"/>
        <source>&amp;Add patent…</source>
        <translation>添加专利(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="195"/>
        <source>Add a patent to the register (Ctrl+N)</source>
        <translation>向登记册添加一件专利（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="198"/>
        <source>&amp;Edit patent…</source>
        <translation>编辑专利(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="200"/>
        <source>Edit the selected patent (Enter or double-click)</source>
        <translation>编辑选中的专利（回车或双击）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="203"/>
        <source>&amp;Delete patents…</source>
        <translation>删除专利(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="206"/>
        <source>Delete the selected patents (Del)</source>
        <translation>删除选中的专利（Del）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="211"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="215"/>
        <source>&amp;Organisation profile…</source>
        <translation>单位信息(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="216"/>
        <source>The unit&apos;s name, address and contacts</source>
        <translation>单位名称、地址和联系人</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="219"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="235"/>
        <source>&amp;About Licence Desk</source>
        <translation>关于本软件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="250"/>
        <source>&amp;Information sheet…</source>
        <translation>信息表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="251"/>
        <source>Fill in or check the selected patent&apos;s information sheet</source>
        <translation>填写或核对选中专利的信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="253"/>
        <source>&amp;Create information sheets for the selected…</source>
        <translation>为选中的专利创建信息表(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="254"/>
        <source>One information sheet per selected patent, from shared defaults</source>
        <translation>按统一的默认内容，为选中的每件专利各建一份信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="256"/>
        <source>&amp;Finalise the selected information sheets</source>
        <translation>将选中的信息表定稿(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="257"/>
        <source>Mark the sheets without errors ready to print</source>
        <translation>将没有错误的信息表标记为可打印</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="259"/>
        <source>&amp;Generate PDFs…</source>
        <translation>生成 PDF(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="260"/>
        <source>Information sheets and declarations of the selected patents, as PDF</source>
        <translation>将选中专利的信息表和声明生成 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="263"/>
        <source>&amp;Open the generated PDF</source>
        <translation>打开已生成的 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="264"/>
        <source>Open the selected patent&apos;s information sheet in the PDF viewer</source>
        <translation>用 PDF 阅读器打开选中专利的信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="266"/>
        <source>P&amp;rint the generated PDF</source>
        <translation>打印已生成的 PDF(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="267"/>
        <source>Print the selected patent&apos;s information sheet with the system&apos;s PDF program</source>
        <translation>用系统的 PDF 程序打印所选专利的信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="270"/>
        <source>Attach a &amp;sealed copy…</source>
        <translation>附加盖章件(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="271"/>
        <source>The scan of the stamped paper, sent in place of the generated PDF</source>
        <translation>盖章纸质件的扫描件，报送时代替生成的 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="273"/>
        <source>Record a &amp;licence achieved from this offer…</source>
        <translation>登记依此声明达成的许可(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="276"/>
        <source>Import patents from &amp;Excel…</source>
        <translation>从 Excel 导入专利(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="277"/>
        <source>Read a patent list (.xlsx or .csv) into the register</source>
        <translation>将专利清单（.xlsx 或 .csv）读入登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="279"/>
        <source>&amp;Batches and summary list…</source>
        <translation>批次与汇总表(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="280"/>
        <source>Choose the sheets of a submission and write the summary list</source>
        <translation>选择一次报送的信息表，生成汇总表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="282"/>
        <source>Build a &amp;package…</source>
        <translation>生成报送材料包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="283"/>
        <source>The files of a submission, checked, in a folder, a zip and e-mails</source>
        <translation>检查报送文件，存入文件夹和压缩包，并生成邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="285"/>
        <source>&amp;Outbox…</source>
        <translation>发件箱(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="286"/>
        <source>Send, retry and see what was sent</source>
        <translation>发送、重发并查看已发送的邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="287"/>
        <source>Mail &amp;accounts…</source>
        <translation>邮箱账户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="288"/>
        <source>Send &amp;targets…</source>
        <translation>报送对象(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="291"/>
        <source>&amp;Achieved licences…</source>
        <translation>达成许可(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="292"/>
        <source>The register of licences achieved (达成许可)</source>
        <translation>已达成许可的登记</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="294"/>
        <source>&amp;Summary book…</source>
        <translation>总结书(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="295"/>
        <source>The Henan summary book (总结书) of a reporting period</source>
        <translation>某一填报期的河南省试点工作总结书</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="298"/>
        <source>Licence &amp;contracts…</source>
        <translation>许可合同(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="299"/>
        <source>专利开放许可合同: PDF and an editable Word file; a signed one records its deal</source>
        <translation>专利开放许可合同：PDF 和可编辑的 Word 文件；签订后可登记达成许可</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="302"/>
        <source>Henan &amp;application and work plan…</source>
        <translation>河南省申请书和工作方案(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="303"/>
        <source>河南省专利开放许可试点工作申请书 and 工作方案</source>
        <translation>河南省专利开放许可试点工作申请书和工作方案</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="305"/>
        <source>&amp;Contacts sheet…</source>
        <translation>联系人信息表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="306"/>
        <source>专利开放许可试点工作联系人信息表 (Henan or Xinyang), Excel and PDF</source>
        <translation>专利开放许可试点工作联系人信息表（河南或信阳），Excel 和 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="308"/>
        <source>&amp;Ops-centre summary table…</source>
        <translation>运营管理中心建设工作总结表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="309"/>
        <source>The Henan operations-centre summary table (运营管理中心建设工作总结表)</source>
        <translation>河南省高校知识产权运营管理中心建设工作总结表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="311"/>
        <source>Stock-patent &amp;inventory…</source>
        <translation>存量专利盘点(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="312"/>
        <source>Screen the portfolio and write the Anhui tables (存量专利盘点)</source>
        <translation>筛选全部存量专利，生成安徽两张统计表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="315"/>
        <source>&amp;Import a JSON data file…</source>
        <translation>导入 JSON 数据文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="318"/>
        <source>&amp;Export a JSON data file…</source>
        <translation>导出 JSON 数据文件(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="323"/>
        <source>Write the register and every stored file to one zip file</source>
        <translation>将登记簿及全部已保存文件写入一个 zip 文件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="325"/>
        <source>&amp;Restore from a backup file…</source>
        <translation>从备份文件恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="316"/>
        <source>Read a Licence Desk JSON file into the register</source>
        <translation>将本软件的 JSON 备份文件读入登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="322"/>
        <source>&amp;Back up to a file…</source>
        <translation>备份到文件(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="319"/>
        <source>Write the whole register to a Licence Desk JSON file</source>
        <translation>将整个登记册写入本软件的 JSON 备份文件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="326"/>
        <source>Replace the register by a backup zip, checked in full first</source>
        <translation>用备份 zip 替换登记簿（先完整检查备份）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="329"/>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="330"/>
        <source>This PC&apos;s register or the office server</source>
        <translation>本机登记册或办公室服务器</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="347"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="356"/>
        <source>&amp;Patents</source>
        <translation>专利(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="363"/>
        <source>&amp;Information sheets</source>
        <translation>信息表(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="371"/>
        <source>Su&amp;bmission</source>
        <translation>报送(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="378"/>
        <source>&amp;Licences</source>
        <translation>许可(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="390"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="391"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="395"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="400"/>
        <source>Register</source>
        <translation>登记册</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="456"/>
        <source>Opening the register…</source>
        <translation>正在打开登记册…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="602"/>
        <source>Patents: %1</source>
        <translation>专利：%1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="604"/>
        <source>Shown: %1 of %2 patents</source>
        <translation>显示 %1 件，共 %2 件专利</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="608"/>
        <source>With errors: %1</source>
        <translation>有错误：%1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="649"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="731"/>
        <location filename="../app/ui/main_window.py" line="978"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="733"/>
        <source>Delete these %1 patents from the register?</source>
        <translation>从登记册中删除这 %1 件专利吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="735"/>
        <source>Delete this patent from the register?</source>
        <translation>从登记册中删除这件专利吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="736"/>
        <source>This cannot be undone.</source>
        <translation>删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="737"/>
        <source>Delete patents</source>
        <translation>删除专利</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="743"/>
        <source>Deleted: %1</source>
        <translation>已删除 %1 件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="762"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="763"/>
        <source>The new language takes effect when Licence Desk is started again.</source>
        <translation>新的界面语言将在下次启动本软件时生效。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="770"/>
        <source>Keeps the unit&apos;s patent register and fills the provincial patent open-licensing forms.</source>
        <translation>管理本单位的专利登记册，填写省级专利开放许可各类表格。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="777"/>
        <source>About Licence Desk</source>
        <translation>关于专利开放许可填报助手</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="822"/>
        <source>No information sheet yet (Ctrl+I to start one).</source>
        <translation>尚无信息表（按 Ctrl+I 开始填写）。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="846"/>
        <source>Sent on %1 in package %2 to %3</source>
        <translation>已于 %1 随材料包 %2 报送至 %3</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="884"/>
        <source>Information sheets created: %1; already there: %2; to correct: %3</source>
        <translation>已创建信息表 %1 份；原已有 %2 份；需改正 %3 份</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="908"/>
        <source> (and %1 more)</source>
        <translation>（另有 %1 个错误）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="911"/>
        <source>Finalised: %1. Not finalised because of errors: %2.</source>
        <translation>已定稿 %1 份；因有错误未定稿 %2 份。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="915"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="925"/>
        <location filename="../app/ui/main_window.py" line="937"/>
        <location filename="../app/ui/main_window.py" line="980"/>
        <location filename="../app/ui/main_window.py" line="984"/>
        <location filename="../app/ui/main_window.py" line="1366"/>
        <source>Generate PDFs</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="926"/>
        <source>The selected patents have no information sheet yet.</source>
        <translation>选中的专利还没有信息表。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="938"/>
        <source>None of the selected sheets can be written as final PDFs: finalise them first (without errors), or choose draft PDFs.</source>
        <translation>所选信息表都不能生成正式 PDF：请先定稿（且没有错误），或选择生成草稿 PDF。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="943"/>
        <source>Folder for the PDFs</source>
        <translation>PDF 保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="959"/>
        <source>Generating PDFs…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="968"/>
        <source>Files written: %1.</source>
        <translation>已写入 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="970"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="972"/>
        <source>Stopped on request.</source>
        <translation>已按要求停止。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="980"/>
        <source>Open the folder?</source>
        <translation>要打开文件夹吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="989"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="990"/>
        <source>The work stopped: %1</source>
        <translation>操作已中止：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1018"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1018"/>
        <source>Print PDF</source>
        <translation>打印 PDF</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1022"/>
        <source>No PDF has been generated for this patent yet.</source>
        <translation>这件专利还没有生成 PDF。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1033"/>
        <source>The file is no longer there: %1</source>
        <translation>文件已不存在：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1042"/>
        <location filename="../app/ui/main_window.py" line="1050"/>
        <source>Attach a sealed copy</source>
        <translation>附加盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1043"/>
        <source>Generate the PDFs first: a sealed copy replaces one.</source>
        <translation>请先生成 PDF：盖章件用于替换生成的 PDF。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="824"/>
        <location filename="../app/ui/main_window.py" line="1045"/>
        <source>Information sheet</source>
        <translation>信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1046"/>
        <source>Declaration</source>
        <translation>声明</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1046"/>
        <source>Print file</source>
        <translation>合并打印文件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1050"/>
        <source>The scan replaces:</source>
        <translation>扫描件替换：</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1083"/>
        <source>Unsaved information sheets (opened again, they come back): %1</source>
        <translation>有未保存的信息表（再次打开即可恢复）：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1194"/>
        <location filename="../app/ui/main_window.py" line="1212"/>
        <source>Back up to a file</source>
        <translation>备份到文件</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1195"/>
        <location filename="../app/ui/main_window.py" line="1240"/>
        <source>Licence Desk backup (*.json)</source>
        <translation>专利开放许可填报助手备份 (*.json)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1216"/>
        <source>Backed up %1 patents to %2</source>
        <translation>已将 %1 件专利备份到 %2</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1221"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1238"/>
        <location filename="../app/ui/main_window.py" line="1260"/>
        <location filename="../app/ui/main_window.py" line="1266"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1261"/>
        <source>The file was not read; nothing was changed.</source>
        <translation>文件未能读入，登记册未作任何改动。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1267"/>
        <source>Patents read: %1 (new: %2). Records to correct: %3.</source>
        <translation>已读入专利 %1 件（新增 %2 件）；需改正的记录 %3 条。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1274"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1288"/>
        <source>(no number)</source>
        <translation>（无专利号）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1290"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1290"/>
        <source>changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1294"/>
        <source>Unsaved patents</source>
        <translation>未保存的专利</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1295"/>
        <source>Some patents were being edited and were not saved. Restore them?</source>
        <translation>上次有专利正在编辑但未保存。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1368"/>
        <source>Information sheets and declarations of %1 patent(s):</source>
        <translation>%1 件专利的信息表和声明：</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1371"/>
        <source>One file per document (for sending)</source>
        <translation>每份文件单独生成（用于报送）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1374"/>
        <source>One print file, in register order (for printing)</source>
        <translation>合并为一个打印文件，按登记册顺序（用于打印）</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="1376"/>
        <source>As drafts marked 草稿 (any sheet; not recorded, not for sending)</source>
        <translation>生成标注“草稿”的草稿件（任何信息表均可；不记录，不用于报送）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../app/ui/version_guard.py" line="207"/>
        <source>Changed by another clerk</source>
        <translation>记录已被他人修改</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="212"/>
        <source>another clerk</source>
        <translation>另一位填报人</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="214"/>
        <source>%1 saved this record at %2, after you opened it, so your changes were not saved. Nothing you typed is lost: it is kept as a draft until you decide.</source>
        <translation>在您打开此记录之后，%1 于 %2 保存了它，因此您的修改尚未保存。您填写的内容不会丢失：在您作出选择之前，它作为草稿保留。</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="222"/>
        <source>Fields you both changed are highlighted: %1.</source>
        <translation>双方都修改了的字段已突出显示：%1 个。</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="230"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="230"/>
        <source>Theirs (%1)</source>
        <translation>对方的（%1）</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="230"/>
        <location filename="../app/ui/version_guard.py" line="252"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="231"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="251"/>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="266"/>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="268"/>
        <source>Load the record as they saved it; your changes are dropped.</source>
        <translation>载入对方保存的记录；您的修改将被放弃。</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="270"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="272"/>
        <source>Your changes win; what only they changed is kept too.</source>
        <translation>以您的修改为准；只有对方修改的字段也一并保留。</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="274"/>
        <source>Merge as chosen</source>
        <translation>按所选合并</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="276"/>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="277"/>
        <source>Close this comparison; your changes stay in the editor and in its draft.</source>
        <translation>关闭比较；您的修改仍保留在编辑窗口和草稿中。</translation>
    </message>
</context>
<context>
    <name>OfferChooser</name>
    <message>
        <location filename="../app/ui/deals_window.py" line="277"/>
        <source>New deal from an offer</source>
        <translation>由开放许可声明新建许可</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="281"/>
        <source>Search by number, title or patentee</source>
        <translation>按专利号、名称或专利权人检索</translation>
    </message>
    <message>
        <location filename="../app/ui/deals_window.py" line="299"/>
        <source>The deal is prefilled with the offer&apos;s patent, fee and single licence term.</source>
        <translation>将按该声明的专利、许可使用费和单次许可期限预先填写许可。</translation>
    </message>
</context>
<context>
    <name>OfferEditor</name>
    <message>
        <location filename="../app/ui/offer_editor.py" line="176"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="179"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="182"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="185"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="188"/>
        <source>Check every rule and mark the sheet ready to print. Refused while errors remain.</source>
        <translation>检查全部规则，并将信息表标记为可打印。仍有错误时不能定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="192"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="217"/>
        <source>① Patent information</source>
        <translation>①专利信息</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="221"/>
        <source>Patent number</source>
        <translation>专利号</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="222"/>
        <source>Grant announcement date</source>
        <translation>授权公告日</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="223"/>
        <source>Title of the invention</source>
        <translation>发明创造名称</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="224"/>
        <source>Patentees (all)</source>
        <translation>专利权人（全体）</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="231"/>
        <source>From the patent register; edit the patent to change them.</source>
        <translation>取自专利登记册；如需修改，请编辑该专利。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="240"/>
        <source>② The patentees&apos; commitment that the open-licence conditions are met</source>
        <translation>②专利权人承诺符合开放许可（试点）声明条件</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="259"/>
        <source>③ Own exploitation of the patent</source>
        <translation>③自行实施专利的情况</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="262"/>
        <source>The patented technology is not exploited by the patentee</source>
        <translation>未自行实施专利技术</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="264"/>
        <source>The patented technology is exploited by the patentee</source>
        <translation>已自行实施专利技术</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="277"/>
        <location filename="../app/ui/offer_editor.py" line="308"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="278"/>
        <location filename="../app/ui/offer_editor.py" line="309"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="279"/>
        <source>Manner</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="285"/>
        <source>④ Licences granted to others</source>
        <translation>④许可他人实施专利的状况</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="288"/>
        <source>No licence has been granted to others</source>
        <translation>未许可他人实施专利</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="290"/>
        <source>A licence has been granted to others</source>
        <translation>已许可他人实施专利</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="304"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="305"/>
        <source>Ordinary licence</source>
        <translation>普通许可</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="306"/>
        <source>Exclusive licence</source>
        <translation>独占许可</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="307"/>
        <source>Sole licence</source>
        <translation>排他许可</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="310"/>
        <source>Kind of licence</source>
        <translation>许可类型</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="317"/>
        <source>⑤ Licence term</source>
        <translation>⑤许可期限</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="323"/>
        <source>Use the patent&apos;s expiry</source>
        <translation>采用专利届满日</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="334"/>
        <source>The patent&apos;s term ends on %1; the licence may not run past it.</source>
        <translation>专利权期限于 %1 届满，许可期限不得超过该日。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="345"/>
        <source>Licence expiry date</source>
        <translation>许可期限届满日</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="349"/>
        <source>⑥ Licence fee standard (choose one)</source>
        <translation>⑥许可使用费标准（任选其一）</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="364"/>
        <source>⑦ Other agreed terms</source>
        <translation>⑦其他约定事项</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="375"/>
        <source>⑧ Licensor&apos;s contact details</source>
        <translation>⑧许可人联系方式</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="379"/>
        <source>Recipient</source>
        <translation>收件人姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="380"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="381"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="382"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="383"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="388"/>
        <source>Fill in from the unit&apos;s profile</source>
        <translation>从单位信息填入</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="398"/>
        <source>⑨ Patentees&apos; seal or signature</source>
        <translation>⑨专利权人签章</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="400"/>
        <source>Left blank on the printed sheet for the seal or signature.</source>
        <translation>打印件上此处留空，用于盖章或签字。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="406"/>
        <source>For the summary list and the declaration</source>
        <translation>用于汇总表和声明</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="412"/>
        <source>全省, or the name of a city such as 武汉市</source>
        <translation>全省，或城市名称（如 武汉市）</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="413"/>
        <source>Open scope</source>
        <translation>开放范围</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="415"/>
        <source>e.g. 3年</source>
        <translation>如 3年</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="416"/>
        <source>Single licence term</source>
        <translation>单次许可期限</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="420"/>
        <source>Declaration date</source>
        <translation>声明日期</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="647"/>
        <source>“%1” is not a date: write it as 2030-12-31.</source>
        <translation>“%1”不是有效日期，请按 2030-12-31 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="668"/>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="682"/>
        <source>No errors; the sheet is finalised.</source>
        <translation>没有错误；信息表已定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="684"/>
        <source>%1 error(s), %2 warning(s) — click one to go to its field</source>
        <translation>%1 个错误，%2 个提示——点击一项可跳到对应栏目</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="687"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="689"/>
        <source>No errors: the sheet can be finalised.</source>
        <translation>没有错误，信息表可以定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="723"/>
        <source>Information sheet — %1</source>
        <translation>信息表 — %1</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="726"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="730"/>
        <source>Editing this sheet and saving returns it to draft; you will be asked before anything is saved.</source>
        <translation>修改本信息表并保存会使其退回草稿；保存前会先征求您的确认。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="740"/>
        <location filename="../app/ui/offer_editor.py" line="751"/>
        <source>Save information sheet</source>
        <translation>保存信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="741"/>
        <source>%1: what is typed is not a date and will be saved empty. Save anyway?</source>
        <translation>%1：所填内容不是有效日期，将按空白保存。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="752"/>
        <source>Saving these changes will have these effects. Save anyway?</source>
        <translation>保存这些修改将产生以下影响。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="780"/>
        <source>Information sheet saved</source>
        <translation>信息表已保存</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="795"/>
        <source>Cannot finalise</source>
        <translation>无法定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="796"/>
        <source>The sheet has %1 error(s). Correct them first; the list on the right takes you to each.</source>
        <translation>信息表还有 %1 个错误，请先改正；点击右侧列表可逐项跳转。</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="813"/>
        <source>This information sheet has changes that are not saved. Save them?</source>
        <translation>信息表有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>OfferState</name>
    <message>
        <location filename="../app/ui/offer_editor.py" line="82"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="83"/>
        <source>Finalised</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="84"/>
        <source>Printed</source>
        <translation>已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="85"/>
        <source>Sealed copy attached</source>
        <translation>已盖章</translation>
    </message>
    <message>
        <location filename="../app/ui/offer_editor.py" line="87"/>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../app/ui/operations.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/ui/operations.py" line="103"/>
        <source>Stopping after the current item…</source>
        <translation>完成当前一项后停止……</translation>
    </message>
</context>
<context>
    <name>OpsCentreEditor</name>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="173"/>
        <location filename="../app/ui/ops_centre_editor.py" line="1084"/>
        <source>Ops-centre summary table</source>
        <translation>运营管理中心建设工作总结表</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="174"/>
        <source>The report year (近三年 are this year and the two before):</source>
        <translation>报告年度（“近三年”为该年度及前两年）：</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="298"/>
        <source>From the records: %1</source>
        <translation>登记册统计：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="445"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="446"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="447"/>
        <source>Write PDF and Excel…</source>
        <translation>生成 PDF 和 Excel…</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="448"/>
        <location filename="../app/ui/ops_centre_editor.py" line="982"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="449"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="450"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="485"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="493"/>
        <source>Contact and phone (from 一)</source>
        <translation>联系人及电话（取自“一”）</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="516"/>
        <source>Left empty, the organisation profile&apos;s value prints.</source>
        <translation>留空时打印单位信息中的内容。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="570"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="571"/>
        <source>出台时间 as 2023-05 or 2023-05-12.</source>
        <translation>出台时间按 2023-05 或 2023-05-12 填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="573"/>
        <source>Attach file…</source>
        <translation>附上文件…</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="583"/>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="584"/>
        <source>Remove the row</source>
        <translation>删除该行</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="650"/>
        <source>Grey figures come from the patent register (grants by year; valid invention patents at each year end). Type a figure to print it instead; each difference is flagged. 小计 is computed.</source>
        <translation>灰色数字取自专利登记册（按年度统计授权量；各年末有效发明专利量）。填写数字则打印所填数字，与登记册不一致处会提示。小计自动计算。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="655"/>
        <source>Why figures differ from the register</source>
        <translation>与登记册不一致的原因</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="659"/>
        <source>项目类别: %1</source>
        <translation>项目类别：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="675"/>
        <source>Grey figures come from the deals register (deals dated in the year; 到款额 as recorded on each deal).</source>
        <translation>灰色数字取自许可登记（当年签订的许可；到款额取自各项许可的记录）。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="713"/>
        <source>Printed with %1 and a blank seal area, and the date filled in.</source>
        <translation>打印时附“%1”及空白盖章区，并填上日期。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="844"/>
        <source>— (enter the school&apos;s name in the organisation profile)</source>
        <translation>—（请在单位信息中填写学校名称）</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="525"/>
        <source>学校名称 comes from the organisation profile; 主管单位, 组织机构代码, 法定代表人, 分管校领导, 牵头部门负责人, 联系地址, 邮政编码, 电子邮箱 and 办公电话 too where left empty here (shown in grey).</source>
        <translation>学校名称取自单位信息；主管单位、组织机构代码、法定代表人、分管校领导、牵头部门负责人、联系地址、邮政编码、电子邮箱和办公电话在此留空时也取自单位信息（以灰色显示）。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="885"/>
        <source>“%1” is not a date: write it as 2023-12-05.</source>
        <translation>“%1”不是有效日期，请按 2023-12-05 填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="905"/>
        <source>填报日期: not a date</source>
        <translation>填报日期：不是有效日期</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="910"/>
        <source>%1 error(s), %2 warning(s) — click one to go to it</source>
        <translation>%1 个错误，%2 个提示——点击可转到相应位置</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="913"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="915"/>
        <source>No errors: the table can be finalised.</source>
        <translation>没有错误，可以定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="944"/>
        <source>Ops-centre summary table — %1</source>
        <translation>运营管理中心建设工作总结表 — %1</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="947"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="948"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="953"/>
        <location filename="../app/ui/ops_centre_editor.py" line="966"/>
        <location filename="../app/ui/ops_centre_editor.py" line="972"/>
        <source>Attach file</source>
        <translation>附上文件</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="954"/>
        <source>Choose the document&apos;s row first.</source>
        <translation>请先选中该文件所在的行。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="956"/>
        <source>The policy document&apos;s file</source>
        <translation>制度文件</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="983"/>
        <source>填报日期 is not a date and will be saved empty. Save anyway?</source>
        <translation>填报日期不是有效日期，将保存为空。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="998"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1010"/>
        <source>Cannot finalise</source>
        <translation>无法定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1011"/>
        <source>The table has %1 error(s). Correct them first; the list on the right takes you to each.</source>
        <translation>总结表有 %1 个错误。请先改正；右侧列表可转到各处。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1024"/>
        <source>Folder for the files</source>
        <translation>保存文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1034"/>
        <source>Replace files</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1035"/>
        <source>These files are already in the folder. Replace them?</source>
        <translation>文件夹中已有这些文件。要替换吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1043"/>
        <source>Could not write the files</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1046"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1049"/>
        <source>The table has errors: the PDF is marked 草稿 (draft) and is not recorded for the submission package.</source>
        <translation>总结表有错误：PDF 标有“草稿”，不会记入报送材料包。</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1051"/>
        <source>Files written</source>
        <translation>文件已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/ops_centre_editor.py" line="1065"/>
        <source>This ops-centre summary table has changes that are not saved. Save them?</source>
        <translation>此运营管理中心建设工作总结表有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="50"/>
        <source>Organisation profile</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="59"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="60"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="61"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="62"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="63"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="64"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="65"/>
        <location filename="../app/ui/organisation_dialog.py" line="105"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="67"/>
        <source>Competent authority (主管单位)</source>
        <translation>主管单位</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="68"/>
        <source>Unified social credit code (统一社会信用代码)</source>
        <translation>统一社会信用代码（组织机构代码）</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="69"/>
        <source>University leader in charge of IP (分管校领导)</source>
        <translation>知识产权工作分管校领导</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="70"/>
        <source>Head of the lead department (牵头部门负责人)</source>
        <translation>运营管理中心牵头部门负责人</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="97"/>
        <source>Printed in the operations-centre summary table; a value typed on a report takes its place there.</source>
        <translation>打印在运营管理中心建设工作总结表中；在总结表中另行填写的内容优先。</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="104"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="104"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="104"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="105"/>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="105"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="115"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="117"/>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="137"/>
        <location filename="../app/ui/organisation_dialog.py" line="153"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="316"/>
        <source>Contact %1, %2: </source>
        <translation>联系人第 %1 行，%2：</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="337"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../app/ui/organisation_dialog.py" line="338"/>
        <source>The organisation profile has changes that are not saved. Save them?</source>
        <translation>单位信息有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>OtherForms</name>
    <message>
        <location filename="../app/ui/other_forms.py" line="46"/>
        <source>Henan application</source>
        <translation>河南省申请书</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="47"/>
        <source>The work plan&apos;s first year (2023 for 工作方案（2023年-2024年）):</source>
        <translation>工作方案的起始年份（工作方案（2023年-2024年）填 2023）：</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="56"/>
        <source>Contacts sheet</source>
        <translation>联系人信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="57"/>
        <source>Which notice&apos;s contacts sheet?</source>
        <translation>哪个通知的联系人信息表？</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="184"/>
        <source>Folder for the contacts sheet</source>
        <translation>联系人信息表保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="195"/>
        <source>Could not write the contacts sheet</source>
        <translation>无法生成联系人信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="198"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="201"/>
        <source>The unit&apos;s profile has errors: the sheet is marked 草稿 (draft) and not recorded for the submission package.</source>
        <translation>单位信息仍有错误：该表标有“草稿”，不会记入报送材料包。</translation>
    </message>
    <message>
        <location filename="../app/ui/other_forms.py" line="204"/>
        <source>Contacts sheet written</source>
        <translation>联系人信息表已生成</translation>
    </message>
</context>
<context>
    <name>OutboxWindow</name>
    <message>
        <location filename="../app/ui/outbox_window.py" line="67"/>
        <source>Authorisation code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="68"/>
        <source>Authorisation code of %1 (server %2):</source>
        <translation>%1 的授权码（服务器 %2）：</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="111"/>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="116"/>
        <source>Accounts…</source>
        <translation>邮箱账户…</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="123"/>
        <source>Send from</source>
        <translation>发件账户</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="128"/>
        <source>Package</source>
        <translation>材料包</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="128"/>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="128"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="128"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="129"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="129"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="129"/>
        <source>Last attempt</source>
        <translation>最近一次尝试</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="129"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="145"/>
        <source>What the last send did is shown here.</source>
        <translation>此处显示最近一次发送的情况。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="156"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="158"/>
        <source>Send the chosen mails, or every mail waiting.</source>
        <translation>发送选中的邮件，未选中时发送全部待发邮件。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="160"/>
        <source>Retry failed</source>
        <translation>重发失败的邮件</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="164"/>
        <source>Resend mails of unknown fate…</source>
        <translation>重新发送结果未知的邮件…</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="167"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="169"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="195"/>
        <source>No mail account yet: add one with Accounts…</source>
        <translation>还没有邮箱账户：请通过“邮箱账户…”添加。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="244"/>
        <source>%1 waiting, %2 failed, %3 sent</source>
        <translation>待发 %1 封，失败 %2 封，已发 %3 封</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="248"/>
        <source>, %1 not queued</source>
        <translation>，%1 封未加入发件箱</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="250"/>
        <source>, %1 of unknown fate</source>
        <translation>，%1 封结果未知</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="295"/>
        <source>There is nothing to send.</source>
        <translation>没有需要发送的邮件。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="299"/>
        <source>Add a mail account first (Accounts…).</source>
        <translation>请先添加邮箱账户（邮箱账户…）。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="310"/>
        <source>Send again?</source>
        <translation>要重新发送吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="327"/>
        <source>Sending mail %1 of %2…</source>
        <translation>正在发送第 %1 封，共 %2 封……</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="341"/>
        <location filename="../app/ui/outbox_window.py" line="409"/>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="354"/>
        <source>%1 sent, %2 failed.</source>
        <translation>已发送 %1 封，失败 %2 封。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="357"/>
        <source>Stopped: %1 mail(s) not sent stay in the outbox.</source>
        <translation>已停止：未发送的 %1 封邮件仍保留在发件箱中。</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="374"/>
        <source>Sending stopped: %1</source>
        <translation>发送已停止：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="410"/>
        <source>Stop sending after the current mail and close?</source>
        <translation>发送完当前这封后停止并关闭吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/outbox_window.py" line="411"/>
        <source>Mails not sent yet stay in the outbox; send them later.</source>
        <translation>尚未发送的邮件保留在发件箱中，可以稍后发送。</translation>
    </message>
</context>
<context>
    <name>PackageWindow</name>
    <message>
        <location filename="../app/ui/package_window.py" line="112"/>
        <source>Build a submission package</source>
        <translation>生成报送材料包</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="119"/>
        <source>Targets…</source>
        <translation>报送对象…</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="124"/>
        <source>Accounts…</source>
        <translation>邮箱账户…</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="143"/>
        <source>Send to</source>
        <translation>报送至</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="144"/>
        <source>Send from</source>
        <translation>发件账户</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="150"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="150"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="150"/>
        <source>Title</source>
        <translation>发明创造名称</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="150"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="151"/>
        <source>Sealed copy</source>
        <translation>盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="151"/>
        <source>Send unsealed</source>
        <translation>发送未盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="169"/>
        <source>Attach sealed copy…</source>
        <translation>附加盖章件…</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="172"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="174"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="183"/>
        <source>Ops-centre table not needed this time</source>
        <translation>本次不需要运营管理中心总结表</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="186"/>
        <source>For a university on the notice&apos;s list of operations-centre universities (附件 2): build the Henan package without the 运营管理中心建设工作总结表.</source>
        <translation>适用于通知附件 2 所列运营管理中心建设高校：本次河南材料包不附《运营管理中心建设工作总结表》。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="195"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="205"/>
        <source>Write into</source>
        <translation>保存到</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="206"/>
        <source>Package date</source>
        <translation>材料包日期</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="218"/>
        <source>Choose the documents, then Check: every problem is listed here before anything is written.</source>
        <translation>请选择文件，然后点“检查”：写入任何文件之前，所有问题都会列在这里。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="223"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="246"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="248"/>
        <source>List every problem without writing anything.</source>
        <translation>列出所有问题，不写入任何文件。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="250"/>
        <source>Build package</source>
        <translation>生成材料包</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="254"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="290"/>
        <source>None yet: keep the mails as drafts</source>
        <translation>暂不选择：邮件保存为草稿</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="312"/>
        <source>(no recipient)</source>
        <translation>（无收件人）</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="354"/>
        <source>No generated documents of the kinds %1 receives (%2) yet: generate the PDFs first.</source>
        <translation>还没有生成 %1 所接收类型（%2）的文件，请先生成 PDF。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="374"/>
        <source>Sealed</source>
        <translation>已盖章</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="374"/>
        <source>Not sealed</source>
        <translation>未盖章</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="392"/>
        <source>Out of date: the sheet is being edited (not finalised)</source>
        <translation>已过期：信息表正在编辑（未定稿）</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="394"/>
        <source>Current</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="395"/>
        <source>Out of date: the data changed since it was generated</source>
        <translation>已过期：生成后数据有改动</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="397"/>
        <source>File missing: generate it again</source>
        <translation>文件缺失：请重新生成</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="398"/>
        <source>File changed since it was generated</source>
        <translation>文件在生成后被改动</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="399"/>
        <source>Not generated</source>
        <translation>未生成</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="436"/>
        <source>%1 of %2 documents chosen</source>
        <translation>已选择 %1 份，共 %2 份文件</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="492"/>
        <source>%1 problem(s) stop the package: correct them and check again.</source>
        <translation>有 %1 个问题导致无法生成材料包：请改正后重新检查。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="496"/>
        <source>No problems found: the package can be built.</source>
        <translation>没有发现问题，可以生成材料包。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="500"/>
        <source>Where to write the package</source>
        <translation>材料包保存位置</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="524"/>
        <source>Copying the documents…</source>
        <translation>正在复制文件……</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="533"/>
        <source>Building…</source>
        <translation>正在生成……</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="536"/>
        <source>Building the package</source>
        <translation>正在生成材料包</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="550"/>
        <source>Package %1 built: %2 file(s) in %3 mail(s).</source>
        <translation>材料包 %1 已生成：%2 个文件，共 %3 封邮件。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="552"/>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="553"/>
        <source>Zip: %1</source>
        <translation>压缩包：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="555"/>
        <source>The mails are in the outbox, ready to send.</source>
        <translation>邮件已放入发件箱，可以发送。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="557"/>
        <source>The mails are kept as drafts: choose an account in the outbox to send them.</source>
        <translation>邮件已保存为草稿：请在发件箱中选择账户后发送。</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="564"/>
        <source>Package built</source>
        <translation>材料包已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="565"/>
        <source>Open the package folder?</source>
        <translation>要打开材料包所在文件夹吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/package_window.py" line="573"/>
        <source>Building failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
</context>
<context>
    <name>PatentEditor</name>
    <message>
        <location filename="../app/ui/patent_editor.py" line="134"/>
        <source>Unsaved changes from last time were restored.</source>
        <translation>已恢复上次未保存的修改。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="199"/>
        <location filename="../app/ui/patent_editor.py" line="525"/>
        <source>From the number</source>
        <translation>由专利号确定</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="203"/>
        <source>The type follows from the number; choose one only to state it, it must agree.</source>
        <translation>专利类型由专利号确定；如另行选择，必须与专利号一致。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="216"/>
        <source>One per line, in the order on the certificate</source>
        <translation>每行一个，按证书上的顺序填写</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="235"/>
        <source>The patent is pledged</source>
        <translation>该专利已质押</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="239"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="255"/>
        <source>Only when the expiry differs from the computed one, e.g. after a term compensation decision.</source>
        <translation>仅在届满日与计算结果不同时填写，如有期限补偿决定。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="268"/>
        <source>One per line (发明人/设计人)</source>
        <translation>每行一人（发明人/设计人）</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="279"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="493"/>
        <source>“%1” is not a date: write it as 2017-07-21.</source>
        <translation>“%1”不是有效日期，请按 2017-07-21 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="499"/>
        <source>%1 days are stored, more than this field can show; saving keeps them unless you change the field.</source>
        <translation>已存 %1 天，超出此栏可显示的范围；不改动此栏，保存时原值不变。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="515"/>
        <source>Official notation: %1</source>
        <translation>规范写法：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="521"/>
        <source>From the number: %1</source>
        <translation>由专利号确定：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="536"/>
        <source>Computed from the number and the filing date once both are entered.</source>
        <translation>填写专利号和申请日后自动计算。</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="538"/>
        <source>Expiry %1 (entered by hand)</source>
        <translation>届满日 %1（手工填写）</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="541"/>
        <source>Expiry %1 (computed from the filing date, with %2 days&apos; compensation)</source>
        <translation>届满日 %1（按申请日计算，含期限补偿 %2 天）</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="546"/>
        <source>Expiry %1 (computed from the filing date)</source>
        <translation>届满日 %1（按申请日计算）</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="554"/>
        <source>New patent</source>
        <translation>新增专利</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="556"/>
        <source>Patent %1</source>
        <translation>专利 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="578"/>
        <location filename="../app/ui/patent_editor.py" line="590"/>
        <source>Save patent</source>
        <translation>保存专利</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="579"/>
        <source>%1: what is typed is not a date and will be saved empty. Save anyway?</source>
        <translation>%1：所填内容不是有效日期，将按空白保存。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="591"/>
        <source>Saving this patent will have these effects. Save anyway?</source>
        <translation>保存此专利将产生以下影响。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="629"/>
        <source>Patent saved</source>
        <translation>专利已保存</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="651"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../app/ui/patent_editor.py" line="652"/>
        <source>This patent has changes that are not saved. Save them?</source>
        <translation>这件专利有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>PatentTableModel</name>
    <message>
        <location filename="../app/ui/register_model.py" line="343"/>
        <source>Patent number</source>
        <translation>专利号</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="344"/>
        <source>Title</source>
        <translation>发明创造名称</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="345"/>
        <source>Type</source>
        <translation>专利类型</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="346"/>
        <source>Patentees</source>
        <translation>专利权人</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="347"/>
        <source>Filing date</source>
        <translation>申请日</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="348"/>
        <source>Expiry</source>
        <translation>届满日</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="349"/>
        <source>Legal status</source>
        <translation>法律状态</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="350"/>
        <source>Information sheet</source>
        <translation>信息表</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="793"/>
        <source>PDF out of date</source>
        <translation>PDF 已过期</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="641"/>
        <source>Problems found in the record</source>
        <translation>记录中发现的问题</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="659"/>
        <source>The data changed after the PDFs were made: generate them again before printing.</source>
        <translation>生成 PDF 后数据有改动：打印前请重新生成。</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="558"/>
        <location filename="../app/ui/register_model.py" line="667"/>
        <source>%1 (entered)</source>
        <translation>%1（手工）</translation>
    </message>
    <message>
        <location filename="../app/ui/register_model.py" line="687"/>
        <source>Entered by hand</source>
        <translation>手工填写</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../app/ui/import_wizard.py" line="136"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="138"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="157"/>
        <source> (+%1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
    <message>
        <location filename="../app/ui/import_wizard.py" line="160"/>
        <source>In the register:</source>
        <translation>登记册中：</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../app/ui/editor_parts.py" line="303"/>
        <source>Unsaved changes from last time were restored.</source>
        <translation>已恢复上次未保存的修改。</translation>
    </message>
    <message>
        <location filename="../app/ui/editor_parts.py" line="384"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
</context>
<context>
    <name>SealedCopyDialog</name>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="92"/>
        <location filename="../app/ui/sealed_copy_dialog.py" line="110"/>
        <source>Sealed copy</source>
        <translation>盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="101"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="103"/>
        <source>Look at the attached scan</source>
        <translation>查看已附加的扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="109"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="113"/>
        <source>Choose the scan of the stamped pages: one PDF, or JPG/PNG images, one per page, in page order.</source>
        <translation>请选择盖章页的扫描件：一个 PDF 文件，或按页序排列的 JPG/PNG 图片（每页一张）。</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="121"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="124"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="127"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="130"/>
        <source>Take out</source>
        <translation>移出</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="145"/>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="149"/>
        <source>Remove sealed copy…</source>
        <translation>删除盖章件…</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="174"/>
        <source>This document is no longer in the register.</source>
        <translation>该文件已不在登记册中。</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="185"/>
        <source>Attached on %1</source>
        <translation>附加于 %1</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="189"/>
        <source>None yet</source>
        <translation>尚未附加</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="212"/>
        <source>Choose the scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="213"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="250"/>
        <source>Attaching…</source>
        <translation>正在附加…</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="252"/>
        <source>Attaching the sealed copy</source>
        <translation>正在附加盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="262"/>
        <source>Sealed copy attached.</source>
        <translation>盖章件已附加。</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="264"/>
        <source>Both documents of the offer are now sealed.</source>
        <translation>该许可声明的两份文件均已附加盖章件。</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="276"/>
        <source>Attaching failed: %1</source>
        <translation>附加失败：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="282"/>
        <source>Remove sealed copy</source>
        <translation>删除盖章件</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="283"/>
        <source>Remove the sealed copy from this document?</source>
        <translation>要删除该文件的盖章件吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="284"/>
        <source>The generated PDF is sent again until a new scan is attached. The scan file itself is kept, since a sent package may refer to it.</source>
        <translation>在附加新的扫描件之前，将重新发送生成的 PDF。扫描件文件本身会保留，因为已发送的材料包可能引用它。</translation>
    </message>
    <message>
        <location filename="../app/ui/sealed_copy_dialog.py" line="291"/>
        <source>Sealed copy removed.</source>
        <translation>盖章件已删除。</translation>
    </message>
</context>
<context>
    <name>SummaryBookEditor</name>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="129"/>
        <location filename="../app/ui/summary_book_editor.py" line="981"/>
        <source>Summary book</source>
        <translation>总结书</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="130"/>
        <source>The month the book runs to (截至 … 月底), as YYYY-MM:</source>
        <translation>总结书截至哪个月底（格式为 YYYY-MM）：</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="144"/>
        <source>Xinyang tables</source>
        <translation>信阳表格</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="145"/>
        <source>County or district for the titles (leave empty for a blank to fill in by hand):</source>
        <translation>标题中的县（区）名称（留空则留出空白，打印后手写）：</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="247"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="248"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="249"/>
        <source>Write PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="250"/>
        <source>Write Excel…</source>
        <translation>生成 Excel…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="251"/>
        <source>三 the statistics table and 四 the deal list</source>
        <translation>三 统计表 和 四 达成项目清单</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="252"/>
        <source>Xinyang tables…</source>
        <translation>信阳表格…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="255"/>
        <source>信阳 附件 1 统计表 and 附件 2 达成项目清单, with the county&apos;s name in the titles</source>
        <translation>信阳 附件 1 统计表 和 附件 2 达成项目清单，标题中含县（区）名称</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="256"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="257"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="258"/>
        <source>Check every rule and mark the book ready to print. Refused while errors remain.</source>
        <translation>检查全部规则，并将总结书标记为可打印。仍有错误时不能定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="260"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="287"/>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="294"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="308"/>
        <source>Left empty, the printed cover has room to write the date by hand.</source>
        <translation>留空时，打印的封面留出位置手写日期。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="328"/>
        <source>The unit (from the organisation profile)</source>
        <translation>单位（取自单位信息）</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="332"/>
        <source>Edit the organisation profile…</source>
        <translation>编辑单位信息…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="338"/>
        <source>Shown as the profile holds it; edit the profile to change it.</source>
        <translation>按单位信息显示；如需修改，请编辑单位信息。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="343"/>
        <source>The person in charge of the work (工作负责人)</source>
        <translation>工作负责人</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="360"/>
        <source>Fill in from the profile&apos;s first contact</source>
        <translation>填入单位信息中的第一位联系人</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="392"/>
        <source>Plain text: a blank line starts a new paragraph. Long texts flow over as many pages as they need.</source>
        <translation>纯文本：空一行即另起一段。较长的文字会按需续排到后面的页面。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="401"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="401"/>
        <source>From the records</source>
        <translation>按记录计算</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="402"/>
        <source>Printed instead (leave empty to print the records&apos; figure)</source>
        <translation>改为打印的数值（留空则打印按记录计算的数值）</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="438"/>
        <source>The figures come from the records: finalised offers declared by the period end, and deals dated within it. Enter a figure only if another must be printed; each difference is flagged.</source>
        <translation>数据按记录计算：截至期末已定稿并声明的开放许可，以及期间内达成的许可。只有必须打印其他数值时才填写；每处差异都会标出。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="442"/>
        <source>Entered here (the records cannot give them)</source>
        <translation>在此填写（无法由记录得出）</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="455"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="485"/>
        <source>Double-click a deal to edit it.</source>
        <translation>双击一项许可即可编辑。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="495"/>
        <source>Open the deals register…</source>
        <translation>打开许可登记…</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="512"/>
        <source>Printed with room for the legal representative&apos;s signature or seal and the unit&apos;s seal; the expert group&apos;s, department&apos;s and review opinions are left blank for the province.</source>
        <translation>打印时留出法定代表人签字或盖章及单位盖章的位置；专家组、主管部门和审核意见留空，由省里填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="643"/>
        <source>“%1” is not a date: write it as 2023-12-05.</source>
        <translation>“%1”不是有效日期，请按 2023-12-05 的格式填写。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="671"/>
        <source>— (enter the unit&apos;s name in the organisation profile)</source>
        <translation>—（请在单位信息中填写单位名称）</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="695"/>
        <source>Not on this list (dated after the period end): deals %1.</source>
        <translation>未列入本清单（日期晚于期末）的许可：%1。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="724"/>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="731"/>
        <source>%1 error(s), %2 warning(s) — click one to go to it</source>
        <translation>%1 个错误，%2 个提示——点击一项可跳转</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="734"/>
        <source>No errors; %1 warning(s)</source>
        <translation>没有错误；%1 个提示</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="736"/>
        <source>No errors: the book can be finalised.</source>
        <translation>没有错误，总结书可以定稿。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="767"/>
        <source>Summary book — %1</source>
        <translation>总结书 — %1</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="770"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="771"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="794"/>
        <location filename="../app/ui/summary_book_editor.py" line="805"/>
        <source>Save summary book</source>
        <translation>保存总结书</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="795"/>
        <source>The date filled in is not a date and will be saved empty. Save anyway?</source>
        <translation>所填日期不是有效日期，将按空白保存。仍要保存吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="815"/>
        <source>Summary book saved</source>
        <translation>总结书已保存</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="833"/>
        <source>Cannot finalise</source>
        <translation>无法定稿</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="834"/>
        <source>The book has %1 error(s). Correct them first; the list on the right takes you to each.</source>
        <translation>总结书还有 %1 个错误，请先改正；点击右侧列表可逐项跳转。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="866"/>
        <source>Folder for the files</source>
        <translation>文件保存文件夹</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="876"/>
        <source>Replace files</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="877"/>
        <source>These files are already in the folder. Replace them?</source>
        <translation>文件夹中已有这些文件。要替换吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="889"/>
        <source>Writing the summary book…</source>
        <translation>正在生成总结书……</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="904"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="906"/>
        <source>The book has errors: the PDF is marked 草稿 (draft) and the files are not recorded for the submission package.</source>
        <translation>总结书有错误：PDF 标注为“草稿”，这些文件不会记入报送材料包。</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="908"/>
        <source>Files written</source>
        <translation>文件已生成</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="909"/>
        <source>Open the folder?</source>
        <translation>要打开文件夹吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="900"/>
        <location filename="../app/ui/summary_book_editor.py" line="915"/>
        <source>Could not write the files</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../app/ui/summary_book_editor.py" line="930"/>
        <source>This summary book has changes that are not saved. Save them?</source>
        <translation>总结书有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="51"/>
        <source>Send targets</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="58"/>
        <source>New target</source>
        <translation>新建报送对象</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="61"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="64"/>
        <source>Restore as shipped…</source>
        <translation>恢复为初始设置…</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="81"/>
        <source>One address per line</source>
        <translation>每行一个地址</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="88"/>
        <source>Placeholders: %1</source>
        <translation>可用占位符：%1</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="105"/>
        <source>e.g. pdf, xlsx</source>
        <translation>如 pdf, xlsx</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="115"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="116"/>
        <source>Office</source>
        <translation>受理机构</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="117"/>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="118"/>
        <source>Subject</source>
        <translation>邮件主题</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="119"/>
        <source>Mail text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="121"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="122"/>
        <source>File types</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="123"/>
        <source>Mail size limit</source>
        <translation>邮件大小上限</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="124"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="139"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="176"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="257"/>
        <source>Saved; correct the marked fields before sending.</source>
        <translation>已保存；发送前请改正标出的栏目。</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="258"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="266"/>
        <source>Restore target</source>
        <translation>恢复报送对象</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="267"/>
        <source>Put %1 back as shipped?</source>
        <translation>要将 %1 恢复为初始设置吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="268"/>
        <source>Your changes to its addresses and texts are lost.</source>
        <translation>对其地址和文字所做的修改将会丢失。</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="274"/>
        <source>Restored as shipped.</source>
        <translation>已恢复为初始设置。</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="281"/>
        <source>Delete target</source>
        <translation>删除报送对象</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="282"/>
        <source>Delete the target %1?</source>
        <translation>要删除报送对象 %1 吗？</translation>
    </message>
    <message>
        <location filename="../app/ui/targets_dialog.py" line="283"/>
        <source>Packages already built for it keep their record.</source>
        <translation>已为其生成的材料包记录保留。</translation>
    </message>
</context>
<context>
    <name>VersionGuard</name>
    <message>
        <location filename="../app/ui/version_guard.py" line="524"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="530"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../app/ui/version_guard.py" line="531"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>
