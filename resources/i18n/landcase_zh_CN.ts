<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>LandCase</name>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="185" />
      <source> (scanned reply: {count})</source>
      <translation>（回复扫描件 {count} 份）</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="102" />
      <source>&amp;LandCase</source>
      <translation>卫片执法(&amp;L)</translation>
    </message>
    <message>
      <location filename="../../cases/field_mapping.py" line="123" />
      <source>'{key}' and '{other}' both stand for {attribute}</source>
      <translation>“{key}”与“{other}”都指 {attribute}</translation>
    </message>
    <message>
      <location filename="../../cases/field_mapping.py" line="115" />
      <source>'{key}' is not a plot field; accepted names: {accepted}</source>
      <translation>“{key}”不是图斑字段；可用的名称：{accepted}</translation>
    </message>
    <message>
      <location filename="../../cases/field_mapping.py" line="134" />
      <source>'{unit}' is not a unit of 监测面积: use 亩 or m²</source>
      <translation>“{unit}”不是监测面积的单位：请用 亩 或 m²</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="224" />
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../forms/server_database_dialog.py" line="40" />
      <source>(typed below)</source>
      <translation>（在下方输入）</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="48" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="52" />
      <source>, {days} days late</source>
      <translation>，逾期 {days} 天</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="33" />
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="180" />
      <source>; replied {date}</source>
      <translation>；{date} 回复</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="212" />
      <source>A date as YYYY, YYYY-MM or YYYY-MM-DD</source>
      <translation>日期格式为 YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
      <location filename="../../plugin/printing.py" line="92" />
      <source>A dossier needs the unit that compiles it (立卷单位): set the unit name in Settings ▸ Options ▸ LandCase, or give the UNIT parameter.</source>
      <translation>卷宗须有立卷单位：请在“设置 ▸ 选项 ▸ LandCase”中填写单位名称，或给出 UNIT 参数。</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="230" />
      <source>A post-closure visit needs its result</source>
      <translation>事后巡查须填写巡查结果</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="221" />
      <source>A re-inspection needs its result</source>
      <translation>复核须填写复核结果</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="200" />
      <source>A verification needs the site status</source>
      <translation>核查须填写现场状态</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="132" />
      <source>A year (2026), a month (2026-03) or a date range (2026-01-01/2026-03-31); press Enter to compute.</source>
      <translation>年份（2026）、月份（2026-03）或日期范围（2026-01-01/2026-03-31），按回车键计算。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="79" />
      <source>Accountability list (Excel)</source>
      <translation>追责问责清单（Excel）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="84" />
      <source>Accountability list (PDF)</source>
      <translation>追责问责清单（PDF）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="61" />
      <source>Accountability list (追责问责清单)</source>
      <translation>追责问责清单</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="163" />
      <source>Actual use</source>
      <translation>实际用途</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="88" />
      <source>Actual use (实际用途)</source>
      <translation>实际用途</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="345" />
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="148" />
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="298" />
      <source>Add re-inspection photos…</source>
      <translation>添加复核照片…</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="77" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="47" />
      <source>Adds the items of a 问题清单 (from 督察, 审计, 巡察, 举报, 媒体 …) from an Excel workbook (.xlsx, first sheet) or a CSV file whose first row names the columns: 来源, 清单名称, 列入日期, 序号, 问题描述, and optionally 镇街, 行政区代码, 责任单位, 整改计划, 监测编号 (links the item to its plot's case), WKT (an outline in the database's CRS or in CGCS2000 degrees) or 经度 and 纬度. LIST_NAME and SOURCE stand in for a missing 清单名称 or 来源 column. Each item is due {days} days after its list date unless a later date is approved. Rows that cannot be used are named with their row and reason, the others are stored; an item already in the ledger (same 清单名称 and 序号) is not added again.</source>
      <translation>从 Excel 工作簿（.xlsx，第一个工作表）或 CSV 文件录入问题清单（督察、审计、巡察、举报、媒体等）的问题，首行为列名：来源、清单名称、列入日期、序号、问题描述，可选镇街、行政区代码、责任单位、整改计划、监测编号（关联该图斑的案件）、WKT（数据库坐标系或 CGCS2000 经纬度下的范围）或经度、纬度。表中缺少清单名称或来源列时以 LIST_NAME 和 SOURCE 代替。每项问题应在列入日期后 {days} 日内整改到位，经批准延期的除外。无法使用的行列出行号和原因，其余照常录入；台账中已有的问题（清单名称和序号相同）不再重复录入。</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="73" />
      <source>Administrative area</source>
      <translation>行政区</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="49" />
      <source>Administrative code (XZQDM)</source>
      <translation>行政区代码（XZQDM）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="50" />
      <source>Administrative name (XZQMC)</source>
      <translation>行政区名称（XZQMC）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="164" />
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="82" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="49" />
      <source>All photo rules met</source>
      <translation>照片规则全部符合</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="39" />
      <source>All plots shown in the panel ({count})</source>
      <translation>面板中显示的全部图斑（{count} 个）</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="46" />
      <source>Another program changed the protection of this case database: LandCase restored it, but data may have been changed meanwhile. Run the verification.</source>
      <translation>其他程序改动了本案件数据库的保护机制：LandCase 已将其恢复，但期间数据可能已被修改。请运行核验。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="95" />
      <source>Approval date</source>
      <translation>批准日期</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="120" />
      <source>Approval number</source>
      <translation>批准文号</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="213" />
      <source>Approval number (批准文号)</source>
      <translation>批准文号</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="66" />
      <source>Approval {number}</source>
      <translation>批文 {number}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="89" />
      <source>Approved land (批准用地)</source>
      <translation>批准用地</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="52" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="102" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="76" />
      <source>Area (亩)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="37" />
      <source>Area differs</source>
      <translation>面积不符</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="81" />
      <source>Area identity fails by {m2:.2f} m²: gaps or overlaps in the land use.</source>
      <translation>各地类面积之和与图斑面积相差 {m2:.2f} 平方米：地类图斑存在缝隙或重叠。</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="79" />
      <source>Area identity holds.</source>
      <translation>各地类面积之和与图斑面积一致。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="88" />
      <source>As the source says</source>
      <translation>按源数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="40" />
      <source>Assigns a layer to a role of the desk comparison in a case database: the layer source and the names of the role's fields are stored, and restored whenever the database is opened. FIELDS is JSON, role field → layer field, e.g. {{"code": "DLBM", "name": "DLMC"}}; fields left out are looked for under their usual names (DLBM or 地类编码, DLMC or 地类名称 …, in any case), never taken from an unrelated field: a required field that is not found stops the run with a message. A land-use layer with names only (DLMC) takes its codes from the names: 三调 names by the 三调 classification, 二调 names (有林地, 村庄, 建制镇 …) by the 二调→三调 correspondence; the mapping is stored with the role, and the names that map to nothing are listed (output UNMATCHED) and stored without a code. Give your own mapping as {{"name": "DLMC", "name_to_code": {{"村庄": "0702"}}}}. A layer without a coordinate reference system is refused. Roles and their fields: {roles}</source>
      <translation>在案件库中将图层指定为内业比对的某一图层类别：保存图层数据源及该类别各字段对应的字段名，每次打开案件库时自动恢复。FIELDS 为 JSON，类别字段 → 图层字段，例如 {{"code": "DLBM", "name": "DLMC"}}；未列出的字段按常用字段名查找（DLBM 或 地类编码、DLMC 或 地类名称 等，不区分大小写），不会取用无关字段：找不到必填字段时停止运行并给出提示。只有地类名称（DLMC）的地类图斑图层按名称对应地类编码：三调名称按三调工作分类，二调名称（有林地、村庄、建制镇 等）按二调与三调地类对照表；对应关系随图层类别保存，未能对应编码的地类名称逐一列出（输出 UNMATCHED），不赋编码。也可自行给出对应关系，例如 {{"name": "DLMC", "name_to_code": {{"村庄": "0702"}}}}。没有坐标参考系的图层不予接受。各图层类别及其字段：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="82" />
      <source>At least {count} photos, kinds {kinds}, date window ± {days} days, within {metres} m, facing within ± {degrees}°</source>
      <translation>至少 {count} 张照片，须含 {kinds}，拍摄日期窗口前后放宽 {days} 天，距图斑 {metres} 米以内，朝向图斑 ± {degrees}° 以内</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="35" />
      <source>Attach a scanned document (附件)</source>
      <translation>附加扫描件（附件）</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="32" />
      <source>Attach document</source>
      <translation>添加卷宗材料</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="176" />
      <source>Attach document…</source>
      <translation>添加卷宗材料…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="38" />
      <source>Attaches a scan (PDF, JPEG or PNG) to the case of a plot: an approval (批文), a record (备案), filing or penalty documents. The file is copied beside the database under its SHA-256 and bound in the plot's dossier after the document it supports, listed in the table of contents with its 文号, 责任者, date and pages. Kinds: {kinds}.</source>
      <translation>将扫描件（PDF、JPEG 或 PNG）附加到图斑的案件：批文、备案、立案或处罚文书等。文件按其 SHA-256 复制到数据库旁，装订在该图斑卷宗中其所支撑的文件之后，并以文号、责任者、日期和页数列入卷内目录。类别：{kinds}。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="73" />
      <source>Attachment id</source>
      <translation>附件编号</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="202" />
      <source>Audit trail</source>
      <translation>审计日志</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="76" />
      <source>Award proposal</source>
      <translation>奖励建议</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="218" />
      <source>Basis</source>
      <translation>判定依据</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="116" />
      <source>Batch</source>
      <translation>批次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="84" />
      <source>Batch (name or id)</source>
      <translation>批次（名称或编号）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="99" />
      <source>Batch name</source>
      <translation>批次名称</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="61" />
      <source>Batch {batch}: {imported} of {rows} rows imported; {repaired} repaired, {rejected} rejected, {duplicates} duplicates skipped, {overlaps} overlaps to check.</source>
      <translation>批次 {batch}：共 {rows} 条记录，导入 {imported} 条；修复 {repaired} 条，拒绝 {rejected} 条，跳过重复 {duplicates} 条，重叠待查 {overlaps} 处。</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="461" />
      <source>Batch {batch}: {reason}</source>
      <translation>批次 {batch}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="32" />
      <source>Bind all plots in one volume (default: one per case)</source>
      <translation>所有图斑合订一卷（默认每案一卷）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="139" />
      <source>Bind all selected plots in one volume</source>
      <translation>所选图斑合订一卷</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="154" />
      <source>Binds the documents of each plot the expression selects into its own dossier (or all of them into one volume when asked): cover with the dates of the documents, table of contents with 文号, 责任者, date and pages, the reports and the attached scans in a fixed order, and the notes page naming the materials still missing. The compiling unit (立卷单位) is required: the UNIT parameter or the unit name of the LandCase settings.</source>
      <translation>将表达式所选每个图斑的文件各自组成一卷卷宗（要求时合订一卷）：封面的起止日期取自文件本身的日期，卷内目录列出文号、责任者、日期和页号，报告和附加的扫描件按固定顺序装订，备考表写明尚缺的材料。立卷单位必填：UNIT 参数或 LandCase 设置中的单位名称。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="76" />
      <source>Breaches</source>
      <translation>问责情形数</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="36" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="52" />
      <source>CRS</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="115" />
      <source>CRS of the source</source>
      <translation>源数据坐标系</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="191" />
      <source>Campaign ends on (YYYY-MM-DD)</source>
      <translation>行动结束日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="189" />
      <source>Campaign issued by</source>
      <translation>行动组织单位</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="190" />
      <source>Campaign starts on (YYYY-MM-DD)</source>
      <translation>行动开始日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="111" />
      <source>Canceled: nothing was stored.</source>
      <translation>已取消，未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../../cases/store_pg.py" line="20" />
      <source>Cannot connect to the case database {path}: {reason}</source>
      <translation>无法连接案件数据库 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="103" />
      <source>Cannot open the case database</source>
      <translation>无法打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/base.py" line="65" />
      <source>Case database</source>
      <translation>案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="161" />
      <source>Case panel</source>
      <translation>案件面板</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="68" />
      <source>Case status</source>
      <translation>案件状态</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="93" />
      <source>Case {jcbh}</source>
      <translation>案件 {jcbh}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="99" />
      <source>Case {jcbh} was changed by {user} at {at} after it was shown here: your change was not saved. The case now shows theirs; enter yours again if it still applies.</source>
      <translation>案件 {jcbh} 在此处显示后已被 {user} 于 {at} 修改：您的修改未保存。现显示的是对方的修改；如仍需要，请重新录入。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Cases</source>
      <translation>案件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="134" />
      <source>Cases checked</source>
      <translation>检查的案件数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="135" />
      <source>Cases with missing materials</source>
      <translation>缺少材料的案件数</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="211" />
      <source>Category</source>
      <translation>判定类别</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="56" />
      <source>Change type (BGLX)</source>
      <translation>变化类型（BGLX）</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="58" />
      <source>Changes between the two rounds</source>
      <translation>两轮次之间的变化</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="195" />
      <source>Chart by township</source>
      <translation>分乡镇图表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="112" />
      <source>Check materials for the city acceptance (市级验收)</source>
      <translation>市级验收材料完整性检查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="28" />
      <source>Checks that the case database is as LandCase left it: every table of its schema is there, every audit, lock and guard trigger is there and unchanged, every row of a locked round still matches the seal taken when it was locked, the audit trail's hash chain is whole and reaches its last checkpoint, no audit row was forged, and the CRS recorded in the database is that of its geometries. FINDINGS is the number of findings (0 for an untouched database); REPORT, when given, receives them as a CSV in Chinese, each naming its row (with its sealed and current values), trigger or table. The file is only read.</source>
      <translation>检查案件数据库是否保持 LandCase 写入时的状态：其版本应有的每张数据表都在；每个审计、锁定和防护触发器都在且未被改动；已锁定轮次的每条记录仍与锁定时的封存值一致；审计日志哈希链完整并到达最后的检查点；没有伪造的审计记录；数据库记录的坐标系与其几何一致。FINDINGS 为发现问题的数量（未被改动的数据库为 0）；给出 REPORT 时，问题以中文 CSV 写出，每条注明其记录（含封存值与现值）、触发器或数据表。只读取文件，不作修改。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="41" />
      <source>Chinese font of the reports</source>
      <translation>报告中文字体</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="71" />
      <source>Choose a file for the database.</source>
      <translation>请选择案件库文件。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="266" />
      <source>Choose a file or a layer to import.</source>
      <translation>请选择要导入的文件或图层。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="220" />
      <source>Choose a layer</source>
      <translation>选择图层</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="95" />
      <source>Choose the code (编号) and level (等级) fields of the zone layer.</source>
      <translation>请选择片区图层的编号字段和等级字段。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="272" />
      <source>Choose the field that holds the plot number (JCBH).</source>
      <translation>请选择存放监测编号（JCBH）的字段。</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="82" />
      <source>Choose the output folder.</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="90" />
      <source>Choose the scanned file.</source>
      <translation>请选择扫描件文件。</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="62" />
      <source>Class of the code (三调)</source>
      <translation>三调地类名称</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="81" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="71" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="308" />
      <source>Close out (销号)</source>
      <translation>销号</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="240" />
      <source>Close without a case</source>
      <translation>不立案办结</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="339" />
      <source>Close-out note</source>
      <translation>销号说明</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="119" />
      <source>Close-out reports (销号报告)</source>
      <translation>销号报告</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="337" />
      <source>Closed by</source>
      <translation>销号人</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="336" />
      <source>Closed on</source>
      <translation>销号日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="186" />
      <source>Closed out before (YYYY-MM-DD)</source>
      <translation>销号日期早于（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="128" />
      <source>Clue</source>
      <translation>线索</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="130" />
      <source>Clue source</source>
      <translation>线索来源</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="164" />
      <source>Clue {code} recorded.</source>
      <translation>线索 {code} 已登记。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="147" />
      <source>Clues recorded</source>
      <translation>登记的线索数</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="129" />
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="62" />
      <source>Code (三调)</source>
      <translation>地类编码（三调）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="68" />
      <source>Code field (编号)</source>
      <translation>编号字段</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="44" />
      <source>Compare with the round before</source>
      <translation>与上一轮次比较</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="133" />
      <source>Compiling unit (立卷单位; default: the unit name of the LandCase settings)</source>
      <translation>立卷单位（默认取 LandCase 设置中的单位名称）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="131" />
      <source>Completeness check (CSV)</source>
      <translation>完整性检查结果（CSV）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="212" />
      <source>Compute the figures again from the database</source>
      <translation>从案件库重新计算统计数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="141" />
      <source>Computed {plots} plots; {rows} rows stored.</source>
      <translation>已计算 {plots} 个图斑，写入 {rows} 条记录。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="54" />
      <source>Computes the figures of a period per county, township and village (plots issued and registered, determinations by category, violations, 耕地 and 永久基本农田 occupied, 新增 and 存量, 违法占耕比例, 整改到位率, 履职到位率, unrectified area, overdue deadlines), the county and township accountability figures of the year and the ten townships with most 非农化 and 非粮化 area, and writes them to an Excel workbook with the definition of every figure. PERIOD is a month (YYYY-MM), a quarter (YYYY-Q1 … YYYY-Q4), a year (YYYY), the year-end cut-off (YYYY-年末: the whole year as it stands on 31 December) or a date range (YYYY-MM-DD/YYYY-MM-DD). The main tables count the plots registered in the period (by batch date); the table 本期办理情况 counts determinations, filings, referrals, rectifications and close-outs in the period they happened. CAMPAIGN_PLAN, when given, stores the planned quantity (亩) of the 2024–2026 three-year campaign (seed 004) before computing its progress; the township award proposal of seed 002 states its criteria in the workbook. OUTPUT_PDF, when given, receives the monthly report (月报): the county and township tables, a bar chart by township, the county flags with the denominator of 违法占耕比例, the top-ten rankings and the definitions, with the station (unit name of the LandCase settings) as 填报单位.</source>
      <translation>按县、乡镇、村统计一个统计期间的指标（下发和登记图斑、各判定类型、违法、占用耕地和永久基本农田、新增和存量、违法占耕比例、整改到位率、履职到位率、未整改面积、逾期期限），以及本年度县级和乡镇考核指标、非农化和非粮化面积前十乡镇，写入 Excel 工作簿并附每项指标的定义。PERIOD 为月份（YYYY-MM）、季度（YYYY-Q1 … YYYY-Q4）、年份（YYYY）、年末（YYYY-年末：截至12月31日的全年）或日期范围（YYYY-MM-DD/YYYY-MM-DD）。汇总表统计期内登记（按批次日期）的图斑；“本期办理情况”表按发生日期统计期内的判定、立案、移交、整改到位和销号。填写 CAMPAIGN_PLAN 时，先保存2024—2026年违法用地综合整治三年行动的计划整治量（亩），再计算其进度；乡镇奖励建议名单的评定条件写在工作簿中。填写 OUTPUT_PDF 时生成月报：县级和乡镇汇总表、乡镇柱状图、县级考核指标及违法占耕比例的分母、前十名和指标说明，填报单位为 LandCase 设置中的单位名称。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="148" />
      <source>Conflicts</source>
      <translation>冲突数</translation>
    </message>
    <message>
      <location filename="../../forms/server_database_dialog.py" line="61" />
      <source>Connection</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="164" />
      <source>Construction date</source>
      <translation>建设时间</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="89" />
      <source>Construction date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
      <translation>建设时间（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="170" />
      <source>Content</source>
      <translation>内容</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="54" />
      <source>Coordinate reference system</source>
      <translation>坐标参考系</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="34" />
      <source>Copies a station's case database file (DATABASE) into a PostgreSQL case database (TARGET: a postgresql:// URI or service=&lt;name&gt;; run it as the database's owner) in one transaction: its plots with their cases, field checks, photos, determinations, rectifications, close-outs, documents and attachments, its submission rounds (locked ones locked and sealed again on the server), and the photo and attachment files. The file's audit log and round seals are archived as they are and stay verifiable; a file whose audit trail is broken is not moved. TOWNSHIP (optional) moves one township only: a 行政区代码 prefix (digits) or a township's name. A 监测编号 the server already has from another database is refused and listed; running it again adds nothing. OUTPUT_REPORT, when given, receives the report as a CSV in Chinese.</source>
      <translation>在一个事务中将站点的案件数据库文件（DATABASE）复制到 PostgreSQL 案件数据库（TARGET：postgresql:// URI 或 service=&lt;名称&gt;；请以该数据库的所有者身份运行）：图斑及其案件、外业核查、照片、合法性判定、整改、销号、已打印文书和附件，报送轮次（已锁定的轮次在服务器上重新锁定并封存），以及照片和附件文件。文件的审计日志和轮次封存原样归档，仍可校验；审计链断裂的文件不予迁移。TOWNSHIP（可选）只迁移一个乡镇：行政区代码前缀（数字）或乡镇名称。服务器上已有（来自其他数据库）的监测编号将被拒绝并列出；再次运行不会重复添加。OUTPUT_REPORT 如给出，将以中文 CSV 写出迁移报告。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="68" />
      <source>Counties</source>
      <translation>县级汇总</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="71" />
      <source>County flags</source>
      <translation>县级考核</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="36" />
      <source>Create case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="39" />
      <source>Creates an empty LandCase case database (SpatiaLite) in a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554). Without a CRS, the zone is the one whose central meridian is nearest the centre of the data's extent (EXTENT, or else the project's full extent), EPSG:4549 (central meridian 120°E) when there is none; the zone chosen and why are reported (output CRS_REASON). An existing file is kept unless Overwrite is set.</source>
      <translation>新建一个空的 LandCase 案件库（SpatiaLite），坐标系为 CGCS2000 3 度带高斯-克吕格投影（EPSG:4513 至 EPSG:4554）。未指定坐标系时，取中央经线最接近数据范围中心的分带（EXTENT，否则为工程的全部范围），二者皆无时取 EPSG:4549（中央经线 120°E）；所选分带及理由会输出（CRS_REASON）。已有文件不会被覆盖，除非设置“覆盖”。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="84" />
      <source>Creating {path} in EPSG:{srid}</source>
      <translation>正在新建 {path}，坐标系 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="44" />
      <source>Cropland (耕地)</source>
      <translation>耕地</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="39" />
      <source>Database table</source>
      <translation>数据表</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="60" />
      <source>Date found</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="70" />
      <source>Date of the document (YYYY-MM-DD)</source>
      <translation>成文日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="102" />
      <source>Date the batch was received (YYYY-MM-DD)</source>
      <translation>批次接收日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="85" />
      <source>Days</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="86" />
      <source>Days entered</source>
      <translation>录入天数</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="105" />
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="23" />
      <source>Days the date window is widened by</source>
      <translation>拍摄日期窗口放宽天数</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="220" />
      <source>Decided by</source>
      <translation>判定人</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="221" />
      <source>Decided on</source>
      <translation>判定日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="329" />
      <source>Demolished area</source>
      <translation>拆除面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="257" />
      <source>Department reply due</source>
      <translation>部门回复期限</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="104" />
      <source>Department reply due {date}</source>
      <translation>部门回复期限：{date}</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="165" />
      <source>Description</source>
      <translation>情况描述</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="35" />
      <source>Desk comparison</source>
      <translation>内业比对</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="32" />
      <source>Desk comparison (overlay)</source>
      <translation>内业比对（叠加分析）</translation>
    </message>
    <message>
      <location filename="../../plugin/map_interaction.py" line="183" />
      <source>Desk comparison failed</source>
      <translation>内业比对失败</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="141" />
      <source>Desk comparison of the plots shown</source>
      <translation>对显示的图斑进行内业比对</translation>
    </message>
    <message>
      <location filename="../../plugin/map_interaction.py" line="187" />
      <source>Desk comparison stored for {count} plots.</source>
      <translation>已保存 {count} 个图斑的内业比对结果。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="84" />
      <source>Detect</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="119" />
      <source>Determination</source>
      <translation>判定结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="98" />
      <source>Determination: {category} {subtype}</source>
      <translation>判定结果：{category} {subtype}</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="58" />
      <source>Document</source>
      <translation>文书</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="215" />
      <source>Document attached.</source>
      <translation>材料已添加。</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="59" />
      <source>Document date</source>
      <translation>成文日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="62" />
      <source>Document number (文号)</source>
      <translation>文号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="29" />
      <source>Documents</source>
      <translation>文书</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="46" />
      <source>Documents already up to date</source>
      <translation>无需更新的文书数</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="28" />
      <source>Documents and reports</source>
      <translation>文书与报告</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="205" />
      <source>Documents cannot be attached with this version.</source>
      <translation>当前版本不能添加卷宗材料。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="45" />
      <source>Documents made</source>
      <translation>生成文书数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="151" />
      <source>Dossier (卷宗)</source>
      <translation>卷宗</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="58" />
      <source>Draw a patrol zone</source>
      <translation>绘制巡查片区</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="63" />
      <source>Draw its outline as a plot next</source>
      <translation>随后勾绘其图斑范围</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="79" />
      <source>Due within {days} days</source>
      <translation>{days} 天内到期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="34" />
      <source>Duplicate</source>
      <translation>重复</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="133" />
      <source>Duplicates skipped</source>
      <translation>跳过重复数</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="78" />
      <source>EPSG:{srid} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>EPSG:{srid} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="78" />
      <source>Each record that cannot be stored is refused with its row and reason, the rest of the batch goes on: coordinates that are not finite or lie outside the CRS's area of use, plots larger than MAX_PLOT_AREA_KM2 (empty: the setting, 10 km² by default), dates (QSX, HSX) that are not dates, text that cannot be decoded. A folder or zip holding several layers is refused with their names: give path|layername=NAME.</source>
      <translation>无法保存的记录逐条拒绝并注明行号和原因，批次其余记录照常导入：坐标不是有限数值或超出坐标系适用范围、图斑面积大于 MAX_PLOT_AREA_KM2（留空则按设置，默认 10 平方千米）、日期字段（QSX、HSX）不是日期、文字无法解码。包含多个图层的文件夹或 zip 将被拒绝并列出图层名称：请写成 路径|layername=图层名。</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="223" />
      <source>Earlier determinations</source>
      <translation>历次判定</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="74" />
      <source>Earlier image (前时相)</source>
      <translation>前时相影像</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="52" />
      <source>Earlier image date (QSX)</source>
      <translation>前时相（QSX）</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="52" />
      <source>Earlier imports of this batch: {runs}; what they refused and flagged is in the report file.</source>
      <translation>本批次此前已导入 {runs} 次，其拒绝和标记的记录见报告文件。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="76" />
      <source>Ecological protection red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="53" />
      <source>Ecological red line</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="76" />
      <source>Enters holidays and adjusted working days from the State Council's notice for a year the built-in calendar does not know yet, one a line: YYYY-MM-DD holiday|workday name, or a range YYYY-MM-DD..YYYY-MM-DD holiday|workday name (both days included). A day entered here overrides the built-in calendar.</source>
      <translation>录入国务院通知公布的、内置日历尚未包含年份的放假日和调休上班日，每行一条：YYYY-MM-DD holiday|workday 名称，或日期范围 YYYY-MM-DD..YYYY-MM-DD holiday|workday 名称（含首尾两天）。此处录入的日期优先于内置日历。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="116" />
      <source>Escalations (督办)</source>
      <translation>督办</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="75" />
      <source>Events of the period</source>
      <translation>本期办理情况</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="130" />
      <source>Every name maps to a code (edit a code to change it).</source>
      <translation>每个地类名称均已对应编码（可修改编码）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="250" />
      <source>Excel table</source>
      <translation>Excel 表格</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="88" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="62" />
      <source>Excel workbooks</source>
      <translation>Excel 工作簿</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="89" />
      <source>Excel workbooks are read with the package openpyxl; save it as CSV</source>
      <translation>读取 Excel 工作簿需要 openpyxl 软件包；请另存为 CSV</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="214" />
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="88" />
      <source>Export statistics</source>
      <translation>导出统计表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="226" />
      <source>Export submission (一上 / 二上)</source>
      <translation>导出上报成果（一上/二上）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="259" />
      <source>Exporting round {round}</source>
      <translation>正在导出报送轮次 {round}</translation>
    </message>
    <message>
      <location filename="../../forms/accountability_dock.py" line="62" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="56" />
      <source>Extent of the data (chooses the zone when no CRS is given)</source>
      <translation>数据范围（未指定坐标系时据此选择分带）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="88" />
      <source>FIELDS is not valid JSON: {error}</source>
      <translation>FIELDS 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="92" />
      <source>FIELDS must be a JSON object, e.g. {{"code": "DLBM"}}</source>
      <translation>FIELDS 必须是 JSON 对象，例如 {{"code": "DLBM"}}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="256" />
      <source>FIELD_MAP is not valid JSON: {error}</source>
      <translation>FIELD_MAP 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="87" />
      <source>FIELD_MAP keys, case-insensitive (each line: the key, then the other names it accepts); jcmj_unit is the unit of the issued area (亩 or m²), guessed from the values when not given. Example:</source>
      <translation>FIELD_MAP 的键不区分大小写（每行：键，及其可用的其他名称）；jcmj_unit 是下发监测面积的单位（亩 或 m²），未给出时按数值推断。示例：</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="260" />
      <source>FIELD_MAP must be a JSON object: plot field → source field.</source>
      <translation>FIELD_MAP 须为 JSON 对象：图斑字段 → 源数据字段。</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="100" />
      <source>Facility farmland filings (设施农用地备案)</source>
      <translation>设施农用地备案</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="111" />
      <source>Facility name</source>
      <translation>设施名称</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="216" />
      <source>Facility record number (上图入库号)</source>
      <translation>设施农用地上图入库号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="25" />
      <source>Facing the plot within ± (degrees)</source>
      <translation>朝向图斑的允许偏差 ±（度）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="72" />
      <source>Farmland plot number</source>
      <translation>保护图斑编号</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="158" />
      <source>Fewer than 2 persons of the station stopped it</source>
      <translation>国土所制止人员不足 2 名</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="110" />
      <source>Field mapping (JSON)</source>
      <translation>字段对应（JSON）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="174" />
      <source>Field mapping: {mapping}</source>
      <translation>字段对应：{mapping}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="133" />
      <source>Field package (folder or zip)</source>
      <translation>外业数据包（文件夹或 zip）</translation>
    </message>
    <message>
      <location filename="../../cases/field_report.py" line="49" />
      <source>Field package {name}: {verifications} verifications and {reinspections} re-inspections merged, {revisits} post-closure visits ({rebounds} rebounds opened as clues), {photos} photos stored, {clues} new finds recorded as clues; {already} records merged before (not written again), {conflicts} conflicts (not overwritten), {refused} refused, {missing} photos missing.</source>
      <translation>外业数据包 {name}：已合并核查 {verifications} 条、复核 {reinspections} 条、事后巡查 {revisits} 次（发现反弹并登记为线索 {rebounds} 条），保存照片 {photos} 张，新发现登记为线索 {clues} 条；此前已合并 {already} 条（未重复写入），冲突 {conflicts} 条（未覆盖），未合并 {refused} 条，缺少照片 {missing} 张。</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="328" />
      <source>Field records</source>
      <translation>外业记录</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="69" />
      <source>Field verification</source>
      <translation>外业核查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="44" />
      <source>Field work</source>
      <translation>外业</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="124" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="72" />
      <source>Fields of the role</source>
      <translation>图层类别字段</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="67" />
      <source>Fields of the role (JSON)</source>
      <translation>图层类别字段（JSON）</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="54" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="233" />
      <source>File the case</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="217" />
      <source>Filed area</source>
      <translation>备案面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="252" />
      <source>Filed on</source>
      <translation>立案日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="251" />
      <source>Filing number</source>
      <translation>立案编号</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="71" />
      <source>Filing or referral</source>
      <translation>立案或移交</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="38" />
      <source>Finding</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="44" />
      <source>Findings (CSV)</source>
      <translation>核验结果（CSV）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="35" />
      <source>For a case database on a PostgreSQL server (DATABASE: postgresql://… or service=…), run by its owner: the login role USER (created beforehand by the administrator) becomes a county user (every township), a station user (the 行政区代码 prefixes in SCOPE, comma-separated, e.g. 320101,320102), a field user (the plots whose 监测编号 are in SCOPE) or a reader (督查, 纪委). The server enforces it: rows outside the scope are neither shown nor written. GROUP is the group role given.</source>
      <translation>用于 PostgreSQL 服务器上的案件数据库（DATABASE：postgresql://… 或 service=…），由其所有者运行：登录角色 USER（须由管理员事先创建）成为县局用户（全部乡镇）、所站用户（SCOPE 中的行政区代码前缀，逗号分隔，如 320101,320102）、外业用户（监测编号在 SCOPE 中的图斑）或只读用户（督查、纪委）。由服务器强制执行：范围外的记录既不显示也不能写入。GROUP 为授予的组角色。</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="71" />
      <source>Found at</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="80" />
      <source>Found by</source>
      <translation>发现人</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="143" />
      <source>Found {found}, {unit} ({kind}), {persons} persons, {how}, {result}</source>
      <translation>{found} 发现，{unit}（{kind}），{persons} 人，{how}，{result}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="248" />
      <source>GeoPackage</source>
      <translation>GeoPackage 文件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="131" />
      <source>Geometries repaired</source>
      <translation>修复几何数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="32" />
      <source>Give a user rights in a shared case database</source>
      <translation>为共享案件数据库的用户授权</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="96" />
      <source>Give the document's title.</source>
      <translation>请填写材料题名。</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="94" />
      <source>Give the kind of document.</source>
      <translation>请填写材料类别。</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="70" />
      <source>Give the zone a code.</source>
      <translation>请填写片区编号。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="24" />
      <source>Greatest distance from the plot (m)</source>
      <translation>距图斑最大距离（米）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="57" />
      <source>Group role</source>
      <translation>组角色</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="133" />
      <source>Guess from the values</source>
      <translation>按数值推断</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="130" />
      <source>Handle case…</source>
      <translation>办理案件…</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="254" />
      <source>Handling department</source>
      <translation>承办部门</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="111" />
      <source>How</source>
      <translation>制止方式</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="150" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="44" />
      <source>Import a problem list (问题清单)</source>
      <translation>导入问题清单</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="78" />
      <source>Import failed</source>
      <translation>导入失败</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="85" />
      <source>Import failed; nothing was stored</source>
      <translation>导入失败，未写入任何数据</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="48" />
      <source>Import patrol zones (片区)</source>
      <translation>导入巡查片区</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="60" />
      <source>Import plot batch</source>
      <translation>导入图斑批次</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="120" />
      <source>Import plot batch…</source>
      <translation>导入图斑批次…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="116" />
      <source>Import plots outside the database's Gauss-Krüger zone</source>
      <translation>导入案件库高斯-克吕格分带以外的图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="81" />
      <source>Import refused; nothing was stored</source>
      <translation>导入被拒绝，未保存任何内容</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="181" />
      <source>Import replies to notifications (回复)</source>
      <translation>导入抄告回复</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="140" />
      <source>Import report</source>
      <translation>导入报告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="107" />
      <source>Import the city's questioned plots (一下)</source>
      <translation>导入市级反馈问题图斑（一下）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="198" />
      <source>Imported {count} of {rows} rows; report: {path}</source>
      <translation>共 {rows} 条记录，导入 {count} 条；报告：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="156" />
      <source>Incorrect parameter value for {name}</source>
      <translation>参数 {name} 的值不正确</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="136" />
      <source>Issued areas differing by more than 5 %</source>
      <translation>监测面积与椭球面积相差超过 5% 的图斑</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="120" />
      <source>Issued by</source>
      <translation>下发单位</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="66" />
      <source>Issued by (责任者)</source>
      <translation>责任者</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="138" />
      <source>Issuing authority (leave empty: the unit in the settings)</source>
      <translation>发文机关（留空则取设置中的单位名称）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="71" />
      <source>Items added</source>
      <translation>新增问题数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="72" />
      <source>Items already in the ledger</source>
      <translation>台账中已有的问题数</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="338" />
      <source>Joint re-check result</source>
      <translation>联合复查结果</translation>
    </message>
    <message>
      <location filename="../../forms/server_database_dialog.py" line="48" />
      <source>Keep passwords in pg_service.conf or ~/.pgpass rather than in the text: QGIS saves the connection with the project.</source>
      <translation>请将密码保存在 pg_service.conf 或 ~/.pgpass 中，不要写在此处：QGIS 会将连接随工程保存。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="57" />
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="106" />
      <source>Kind of unit</source>
      <translation>单位类别</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="60" />
      <source>Kinds required, separated by commas (全景,近景)</source>
      <translation>必须的照片类型，以逗号分隔（全景,近景）</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="48" />
      <source>Lacking: {kinds}</source>
      <translation>缺少：{kinds}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="58" />
      <source>Land use (地类图斑)</source>
      <translation>地类图斑</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="62" />
      <source>Land use by class</source>
      <translation>分地类面积</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="87" />
      <source>Land user</source>
      <translation>用地主体</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="62" />
      <source>Land-use code (DLBM)</source>
      <translation>地类编码（DLBM）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="100" />
      <source>Land-use codes taken from the names of {field}: {mapping}</source>
      <translation>地类编码按字段 {field} 的地类名称对应：{mapping}</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="62" />
      <source>Land-use name</source>
      <translation>地类名称</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="63" />
      <source>Land-use name (DLMC)</source>
      <translation>地类名称（DLMC）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="135" />
      <source>Land-use names without a code under the plots (not counted in 三大类 or 耕地; map them with landcase:setlayerrole): {names}</source>
      <translation>图斑范围内有未对应地类编码的地类名称（未计入三大类和耕地；请用 landcase:setlayerrole 补充对应关系）：{names}</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="245" />
      <source>LandCase</source>
      <translation>卫片执法</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="58" />
      <source>LandCase cases</source>
      <translation>卫片执法案件</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="311" />
      <source>LandCase field package</source>
      <translation>LandCase 外业数据包</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="229" />
      <source>LandCase is disabled: the Python that QGIS uses lacks {packages} (needed for {features}). Install them with: {command} and restart QGIS.</source>
      <translation>插件已停用：QGIS 所用的 Python 缺少 {packages}（{features}需要）。请用以下命令安装：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/provider.py" line="75" />
      <source>LandCase land enforcement cases</source>
      <translation>卫片执法与违法用地巡查案件</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="105" />
      <source>LandCase statistics</source>
      <translation>卫片执法统计</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="201" />
      <source>LandCase works without {features}: the Python that QGIS uses lacks {packages}. Install them with: {command} and restart QGIS.</source>
      <translation>LandCase 暂不能使用{features}：QGIS 所用的 Python 缺少 {packages}。请用以下命令安装：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="123" />
      <source>Largest plausible plot area (km²; empty: the setting, 10 km² by default)</source>
      <translation>图斑面积上限（平方千米；留空则按设置，默认 10 平方千米）</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="83" />
      <source>Last site status</source>
      <translation>上次现场状态</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="75" />
      <source>Later image (后时相)</source>
      <translation>后时相影像</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="53" />
      <source>Later image date (HSX)</source>
      <translation>后时相（HSX）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="64" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="163" />
      <source>Layer roles</source>
      <translation>图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/map_interaction.py" line="97" />
      <source>Layer roles whose source is missing: {roles}</source>
      <translation>以下图层类别的数据源缺失：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="139" />
      <source>Layer roles…</source>
      <translation>图层类别…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="71" />
      <source>Layer source</source>
      <translation>图层数据源</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="31" />
      <source>Ledgers and post-closure patrol</source>
      <translation>台账与事后巡查</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="331" />
      <source>Legalised area</source>
      <translation>补办手续面积</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="70" />
      <source>Legality determination</source>
      <translation>合法性判定</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="52" />
      <source>Level</source>
      <translation>等级</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="70" />
      <source>Level field (等级)</source>
      <translation>等级字段</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="103" />
      <source>Level {level}</source>
      <translation>{level}等级</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="54" />
      <source>Line '{line}': a range is written 2027-02-10..2027-02-17.</source>
      <translation>第“{line}”行：日期范围的写法为 2027-02-10..2027-02-17。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="59" />
      <source>Line '{line}': a range runs forward over at most {days} days.</source>
      <translation>第“{line}”行：日期范围须从前往后，且不超过 {days} 天。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="33" />
      <source>Line '{line}': give the day and holiday or workday.</source>
      <translation>第“{line}”行：请给出日期以及 holiday（放假）或 workday（上班）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="47" />
      <source>Line '{line}': {day} is not a date (YYYY-MM-DD).</source>
      <translation>第“{line}”行：{day} 不是日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="63" />
      <source>List name (清单名称)</source>
      <translation>清单名称</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="115" />
      <source>Lists, per case, the materials its determination and handling require that are missing: verification and photos with position, the evidence of a 合法 or 设施农用地 determination and its scans, the filing number and filing documents of a filed case, the rectification areas, the re-inspection photos and joint re-check result of a closed-out case. Writes a CSV in Chinese; INCOMPLETE is the number of cases with something missing.</source>
      <translation>逐案列出其判定和查处所要求而缺少的材料：外业核查及带定位的照片，合法或设施农用地判定的依据及扫描件，已立案案件的立案编号和立案文书，整改面积，已销号案件的复核照片和联合复核结果。输出中文 CSV；INCOMPLETE 为缺少材料的案件数。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="64" />
      <source>Lists, per township, every accountability rule of 启政办发〔2020〕32号 broken in the period: a find not stopped on site within one day, a failed stop not reported the same day, a station stopping with fewer than 2 persons or not reporting and copying within one day, a recipient of a notification replying late or not at all, a case that should have been transferred to 公安. Each row names the unit, who bears the 直接责任 and the 领导责任, the due date and how many days late. The workbook also holds the notification register of the period.</source>
      <translation>按乡镇列出统计期间内违反启政办发〔2020〕32号追责问责规定的情形：发现违法用地超过一天未到场制止、制止无效当天未书面报告、国土所安排制止人员不足2名或制止无效后一天内未专报和抄告、抄告接收单位逾期回复或未回复、应移送公安而未移送的案件。每条列明责任单位、直接责任和领导责任承担者、期限及逾期天数。工作簿另含本期抄告登记。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="72" />
      <source>Lock a submission round</source>
      <translation>锁定报送轮次</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="115" />
      <source>Lock round {period} {stage}? Its data can never be changed again.</source>
      <translation>是否锁定报送轮次 {period} {stage}？锁定后其数据将不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="42" />
      <source>Lock the selected round</source>
      <translation>锁定所选轮次</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Locked</source>
      <translation>已锁定</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="75" />
      <source>Locks a reviewed submission round (its number or its name, e.g. 2026-03 二上): its data can no longer be changed, whichever program opens the file, and every row it holds is sealed. ROOT_HASH is the seal's root hash, which the documents printed afterwards and the submission export carry.</source>
      <translation>锁定已审核的报送轮次（填编号或名称，如 2026-03 二上）：锁定后无论用何种程序打开文件，其数据均不能再修改，所含每一行均被封存。ROOT_HASH 为封存的根哈希，此后打印的文书和上报导出均载明该值。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="46" />
      <source>Login role</source>
      <translation>登录角色</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="244" />
      <source>MONTHS must be whole numbers of months, e.g. 1,3,6</source>
      <translation>MONTHS 须为整月数，如 1,3,6</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="310" />
      <source>Make it a post-closure patrol point</source>
      <translation>转为事后巡查点位</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="279" />
      <source>Measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="25" />
      <source>Meets: {rules}</source>
      <translation>符合：{rules}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="114" />
      <source>Merge field package (QField)</source>
      <translation>合并外业数据包（QField）</translation>
    </message>
    <message>
      <location filename="../../plugin/field_menu.py" line="36" />
      <source>Merge field package…</source>
      <translation>合并外业数据包…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="142" />
      <source>Merge report (CSV)</source>
      <translation>合并报告（CSV）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="141" />
      <source>Merge report (JSON)</source>
      <translation>合并报告（JSON）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="117" />
      <source>Merges a field package that came back from QField (its folder or zip): each field record becomes a verification, a re-inspection or a post-closure visit through the workflow, with the same rules and refusals (a rebound found on a visit opens a clue linked to the case); its photos are stored by hash with their EXIF checked; new finds become clues, with their photos. A case changed in the office after the package was made is a conflict, listed with the office's and the field's values side by side and never overwritten. Photos named but missing are listed. Merging the same package again adds nothing. The report (JSON and CSV) goes to REPORT_FOLDER, by default beside the package.</source>
      <translation>合并从 QField 带回的外业数据包（文件夹或 zip）：每条外业记录按业务流程写为一次核查、复核或事后巡查，规则和拒绝理由与内业录入相同（巡查发现反弹的，登记一条关联该案件的线索）；照片按哈希保存并检查其 EXIF；新发现连同其照片登记为线索。数据包生成后在内业被修改过的案件记为冲突，内业值与外业值并列列出，绝不覆盖。记录中引用但缺失的照片逐一列出。同一数据包再次合并不会重复写入。合并报告（JSON 和 CSV）写入 REPORT_FOLDER，默认在数据包旁。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="54" />
      <source>Monitored area (JCMJ)</source>
      <translation>监测面积（JCMJ）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="51" />
      <source>Monitoring batch (JCPC)</source>
      <translation>监测批次（JCPC）</translation>
    </message>
    <message>
      <location filename="../../forms/accountability_dock.py" line="71" />
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="122" />
      <source>Month (YYYY-MM)</source>
      <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="108" />
      <source>Monthly report PDF</source>
      <translation>月报 PDF</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="193" />
      <source>Monthly report: {path} ({pages} pages, hash {hash})</source>
      <translation>月报：{path}（{pages} 页，哈希值 {hash}）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="48" />
      <source>Monthly statistics</source>
      <translation>月度统计</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="31" />
      <source>Move a station file to PostgreSQL</source>
      <translation>将站点数据库文件迁移到 PostgreSQL</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="69" />
      <source>Move report (CSV)</source>
      <translation>迁移报告（CSV）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="128" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="69" />
      <source>Name field (名称)</source>
      <translation>名称字段</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="166" />
      <source>Name the batch.</source>
      <translation>请填写批次名称。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="84" />
      <source>Name who reported the plot.</source>
      <translation>请填写报告人。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="73" />
      <source>Names mapped to no code</source>
      <translation>未对应编码的地类名称</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="280" />
      <source>Needs the Python package {packages}, which QGIS's Python lacks.</source>
      <translation>需要 Python 包 {packages}，QGIS 所用的 Python 尚未安装。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="26" />
      <source>New case database</source>
      <translation>新建案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="108" />
      <source>New case database…</source>
      <translation>新建案件库…</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="82" />
      <source>New find</source>
      <translation>新发现</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="330" />
      <source>New finds</source>
      <translation>新发现</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="122" />
      <source>New plot</source>
      <translation>新增图斑</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="85" />
      <source>No Chinese TrueType font found: install {hint}, or choose a .ttf/.ttc font file above.</source>
      <translation>未找到中文 TrueType 字体：请安装 {hint}，或在上方选择 .ttf/.ttc 字体文件。</translation>
    </message>
    <message>
      <location filename="../../reports/fonts.py" line="104" />
      <source>No Chinese TrueType font was found for the PDF reports. Install {hint}, or set a TrueType (.ttf/.ttc) Chinese font in the LandCase settings. OpenType fonts with CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded.{tried}</source>
      <translation>未找到可用于 PDF 报告的中文 TrueType 字体。请安装 {hint}，或在插件设置中指定 TrueType（.ttf/.ttc）中文字体。CFF 轮廓的 OpenType 字体（.otf、Noto CJK、思源字体）无法嵌入。{tried}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="109" />
      <source>No case database open.</source>
      <translation>未打开案件库。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="60" />
      <source>No findings: the records are as LandCase left them.</source>
      <translation>未发现问题：记录保持 LandCase 写入时的状态。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="90" />
      <source>No layer is assigned to an overlay role in this database; assign them with landcase:setlayerrole.</source>
      <translation>本案件库尚未指定任何比对图层，请用 landcase:setlayerrole 指定。</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="40" />
      <source>No official holiday calendar for {year}: enter the State Council's holiday arrangement for {year} (holidays and adjusted working days) with LandCase ▸ Official holiday calendar… (or the Processing algorithm landcase:holidaycalendar) before working-day deadlines in that year can be computed.</source>
      <translation>没有 {year} 年的法定节假日安排：请先通过“卫片执法 ▸ 法定节假日安排…”（或处理工具 landcase:holidaycalendar）录入国务院公布的 {year} 年节假日安排（放假日和调休上班日），方可计算该年的工作日期限。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="119" />
      <source>No plot in this period.</source>
      <translation>该期间没有图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="104" />
      <source>No plot to compute.</source>
      <translation>没有需要计算的图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="85" />
      <source>No plot to print.</source>
      <translation>没有要打印的图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="97" />
      <source>No suggested determination: {roles} not compared (Layer roles…, then the desk comparison).</source>
      <translation>无建议判定：{roles}未比对（请先在“图层类别…”中指定图层，再进行内业比对）。</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="37" />
      <source>None of the {count} plots of {source} can be placed in the database's zone {zone}: their coordinates lie beyond it. Nothing was imported; check the CRS of the source.</source>
      <translation>{source} 的 {count} 个图斑均无法置于案件库分带 {zone}：坐标超出该分带范围。未导入任何图斑；请检查源数据的坐标系。</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="26" />
      <source>None of the {count} plots of {source} lies within {band}, the reach of the database's zone {zone}: they lie at {span} and fit {fitting}. Nothing was imported. Import them into a case database in {fitting}, or allow plots from another zone if they belong in this one.</source>
      <translation>{source} 的 {count} 个图斑均不在案件库分带 {zone} 的接受范围 {band} 内：它们位于 {span}，适用的分带为 {fitting}。未导入任何图斑。请导入坐标系为 {fitting} 的案件库；如确属本库，请选择允许导入其他分带的图斑。</translation>
    </message>
    <message>
      <location filename="../../cases/field_cases.py" line="71" />
      <source>None of the {count} plots selected is due for a field visit (核查, 复核 or 事后巡查).</source>
      <translation>所选 {count} 个图斑中没有需要外业（核查、复核或事后巡查）的图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="49" />
      <source>Not all photo rules met</source>
      <translation>照片规则未全部符合</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="163" />
      <source>Not yet notified: {names}</source>
      <translation>尚未抄告：{names}</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="281" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="141" />
      <source>Notes on the batch</source>
      <translation>批次说明</translation>
    </message>
    <message>
      <location filename="../../forms/bar_chart.py" line="68" />
      <source>Nothing to show.</source>
      <translation>无可显示的内容。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="113" />
      <source>Notice date</source>
      <translation>通知书日期</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="112" />
      <source>Notice number</source>
      <translation>通知书编号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="146" />
      <source>Notification sheets printed</source>
      <translation>已打印的抄告单数</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="109" />
      <source>Notifications (抄告)</source>
      <translation>抄告</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="43" />
      <source>Now</source>
      <translation>现值</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="233" />
      <source>Number (文号)</source>
      <translation>文号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="50" />
      <source>Number of findings</source>
      <translation>发现问题数</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="107" />
      <source>Official area: ellipsoidal (椭球面积), in mu</source>
      <translation>面积：椭球面积（亩）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/holiday_calendar.py" line="73" />
      <source>Official holiday calendar</source>
      <translation>法定节假日安排</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="146" />
      <source>Official holiday calendar…</source>
      <translation>法定节假日安排…</translation>
    </message>
    <message>
      <location filename="../../forms/server_database_dialog.py" line="38" />
      <source>Open a case database on a server</source>
      <translation>打开服务器上的案件数据库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="117" />
      <source>Open a case database on a server…</source>
      <translation>打开服务器上的案件数据库…</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="80" />
      <source>Open case database</source>
      <translation>打开案件库</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="112" />
      <source>Open case database…</source>
      <translation>打开案件库…</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="163" />
      <source>Open or create a case database first.</source>
      <translation>请先打开或新建案件库。</translation>
    </message>
    <message>
      <location filename="../../layers/photo_layer.py" line="83" />
      <source>Open photo</source>
      <translation>打开照片</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="126" />
      <source>Open report file</source>
      <translation>打开报告文件</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="152" />
      <source>Opened {path}: {count} plots.</source>
      <translation>已打开 {path}：共 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="38" />
      <source>Other zone</source>
      <translation>跨带</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="112" />
      <source>Outline the clue as a plot</source>
      <translation>勾绘线索图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="54" />
      <source>Outline the clue as a plot…</source>
      <translation>勾绘线索图斑…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="143" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="54" />
      <source>Overdue as of (YYYY-MM-DD; default today)</source>
      <translation>超期计算截止日期（YYYY-MM-DD，默认为今天）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="77" />
      <source>Overdue only</source>
      <translation>仅显示超期</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="35" />
      <source>Overlap</source>
      <translation>重叠待查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="134" />
      <source>Overlaps flagged</source>
      <translation>标记重叠数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="61" />
      <source>Overlay table (CSV)</source>
      <translation>叠加分析表（CSV）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="153" />
      <source>Overlay table: {path}</source>
      <translation>叠加分析表：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="38" />
      <source>Overlays the plots of a case database with the layers assigned to roles (landcase:setlayerrole): area by land-use code and by 三大类, 耕地, permanent basic farmland, ecological red line, urban development boundary, approvals with their 批准文号 and covered share, facility filings with their filed area; planar and ellipsoidal (椭球面积) m². The results replace the plots' earlier results in the database, in one transaction. FILTER is a QGIS expression over the plot table's fields (e.g. "jcbh LIKE '3201%'"); without it every plot is computed. OUTPUT, when given, is a CSV in Chinese (UTF-8 with BOM, for Excel) with one line per plot, layer role and class: 监测编号, 图层角色, 地类编码, 地类名称, 编号, 名称, 平面面积(平方米), 椭球面积(平方米), 椭球面积(亩), 说明.</source>
      <translation>将案件库中的图斑与已指定类别的图层（landcase:setlayerrole）叠加分析：按地类编码和三大类统计面积，以及占用耕地、永久基本农田、生态保护红线、城镇开发边界、批准用地（含批准文号及覆盖比例）、设施农用地备案（含备案面积）的面积；面积以平方米计，同时计算平面面积和椭球面积。结果在一个事务中替换案件库中这些图斑原有的比对结果。FILTER 为基于图斑表字段的 QGIS 表达式（例如 "jcbh LIKE '3201%'"），不填写时计算全部图斑。如指定 OUTPUT，则输出中文 CSV 文件（UTF-8 带 BOM，可用 Excel 直接打开），每个图斑、图层类别和地类各占一行：监测编号、图层角色、地类编码、地类名称、编号、名称、平面面积(平方米)、椭球面积(平方米)、椭球面积(亩)、说明。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="71" />
      <source>Overwrite an existing file</source>
      <translation>覆盖已有文件</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="228" />
      <source>PDF files need the pypdf package, which is not installed</source>
      <translation>PDF 文件需要 pypdf 软件包，但尚未安装</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="57" />
      <source>PDF reports and dossiers</source>
      <translation>PDF 报告和案卷</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="35" />
      <source>PDF, JPEG or PNG scan</source>
      <translation>PDF、JPEG 或 PNG 扫描件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="78" />
      <source>Package folder</source>
      <translation>数据包文件夹</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="79" />
      <source>Package zip</source>
      <translation>数据包 zip</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="74" />
      <source>Pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="77" />
      <source>Pages of the PDF</source>
      <translation>PDF 页数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="115" />
      <source>Pages of the monthly report</source>
      <translation>月报页数</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="78" />
      <source>Party</source>
      <translation>当事人</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="163" />
      <source>Patrol record table</source>
      <translation>巡查记录表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="33" />
      <source>Patrol report (巡查日报、月报)</source>
      <translation>巡查报告（日报、月报）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="70" />
      <source>Patrol report PDF</source>
      <translation>巡查报告 PDF</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="128" />
      <source>Patrol report PDF: {path} ({pages} pages)</source>
      <translation>巡查报告 PDF：{path}（{pages} 页）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="64" />
      <source>Patrol report workbook</source>
      <translation>巡查报告工作簿</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="61" />
      <source>Patrol routes</source>
      <translation>巡查轨迹</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="268" />
      <source>Patrol zone {code} saved.</source>
      <translation>巡查片区 {code} 已保存。</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="60" />
      <source>Patrol zones</source>
      <translation>巡查片区</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="29" />
      <source>Patrols</source>
      <translation>巡查</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="179" />
      <source>Patrols and accountability</source>
      <translation>巡查与问责</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="167" />
      <source>Patrols recorded</source>
      <translation>已登记巡查数</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Period</source>
      <translation>月份</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="50" />
      <source>Period (YYYY-MM or YYYY-MM-DD)</source>
      <translation>统计期间（YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="47" />
      <source>Period (YYYY-MM)</source>
      <translation>统计期间（YYYY-MM）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="80" />
      <source>Period (YYYY-MM, YYYY-Q3, YYYY, YYYY-年末 or YYYY-MM-DD/YYYY-MM-DD)</source>
      <translation>统计期间（YYYY-MM、YYYY-Q3、YYYY、YYYY-年末 或 YYYY-MM-DD/YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="48" />
      <source>Permanent basic farmland</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="69" />
      <source>Permanent basic farmland (永久基本农田)</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="72" />
      <source>Person field (责任人)</source>
      <translation>责任人字段</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="54" />
      <source>Person responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="110" />
      <source>Persons on site</source>
      <translation>到场人数</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="93" />
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="38" />
      <source>Photo rules of the station</source>
      <translation>照片规则（本所）</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="40" />
      <source>Photo rules: {count} photos (at least {minimum}); date window {start} to {end}</source>
      <translation>照片规则：{count} 张（至少 {minimum} 张）；拍摄日期 {start} 至 {end}</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="168" />
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="345" />
      <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="22" />
      <source>Photos a verification needs at least</source>
      <translation>每次核查至少照片数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="150" />
      <source>Photos missing</source>
      <translation>缺少的照片数</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="331" />
      <source>Photos of new finds</source>
      <translation>新发现照片</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="146" />
      <source>Photos stored</source>
      <translation>保存的照片数</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="125" />
      <source>Pick a month</source>
      <translation>选择月份</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="42" />
      <source>Plot</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="98" />
      <source>Plot batch</source>
      <translation>图斑批次</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="129" />
      <source>Plot number</source>
      <translation>监测编号</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="48" />
      <source>Plot number (JCBH)</source>
      <translation>监测编号（JCBH）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="48" />
      <source>Plot number (监测编号)</source>
      <translation>监测编号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="184" />
      <source>Plot numbers (监测编号)</source>
      <translation>监测编号</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="55" />
      <source>Plot type (TBLX)</source>
      <translation>图斑类型（TBLX）</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="233" />
      <source>Plot {jcbh} outlined for the clue.</source>
      <translation>已为该线索勾绘图斑 {jcbh}。</translation>
    </message>
    <message>
      <location filename="../../plugin/map_interaction.py" line="87" />
      <source>Plot {jcbh} saved.</source>
      <translation>图斑 {jcbh} 已保存。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="94" />
      <source>Plot {jcbh} — status: {status}</source>
      <translation>图斑 {jcbh}，状态：{status}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="263" />
      <source>Plot {jcbh}, field {field}: {reason}</source>
      <translation>图斑 {jcbh}，字段 {field}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="67" />
      <source>Plot {jcbh}: {reason}</source>
      <translation>图斑 {jcbh}：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="63" />
      <source>Plots</source>
      <translation>图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="127" />
      <source>Plots (expression)</source>
      <translation>图斑（表达式）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="128" />
      <source>Plots added</source>
      <translation>新增图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="129" />
      <source>Plots already questioned</source>
      <translation>已反馈过的图斑数</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="99" />
      <source>Plots beyond the database's 3° zone and 0.5° more are refused, the zone that fits them named. Tick only when they belong in this database.</source>
      <translation>超出案件库 3° 分带及其外 0.5° 的图斑不予导入，并指明适用的分带。仅在这些图斑确属本库时勾选。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="68" />
      <source>Plots computed</source>
      <translation>计算图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="251" />
      <source>Plots exported</source>
      <translation>导出图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="130" />
      <source>Plots imported</source>
      <translation>导入图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="137" />
      <source>Plots imported from another zone</source>
      <translation>跨带导入的图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="80" />
      <source>Plots in the package</source>
      <translation>数据包中的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="114" />
      <source>Plots in the period</source>
      <translation>期间图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="197" />
      <source>Plots left out</source>
      <translation>未选入的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="75" />
      <source>Plots moved</source>
      <translation>已迁移图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="131" />
      <source>Plots not corrected</source>
      <translation>未更正的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="76" />
      <source>Plots refused</source>
      <translation>被拒绝图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="48" />
      <source>Plots the filter left out</source>
      <translation>筛选条件排除的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="47" />
      <source>Plots the filter selected</source>
      <translation>筛选条件选中的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="55" />
      <source>Plots to compute (expression)</source>
      <translation>参与计算的图斑（表达式）</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="327" />
      <source>Plots to visit</source>
      <translation>待外业图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="70" />
      <source>Plots with findings to check</source>
      <translation>需核实的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="135" />
      <source>Plots with the shape of another</source>
      <translation>与其他图斑形状相同的图斑</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="62" />
      <source>Point clues</source>
      <translation>点状线索</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="70" />
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="80" />
      <source>Post-closure visit due on</source>
      <translation>事后巡查应巡日期</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="81" />
      <source>Post-closure visit result (无反弹/反弹)</source>
      <translation>事后巡查结果（无反弹/反弹）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="120" />
      <source>Post-closure visits</source>
      <translation>事后巡查</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="56" />
      <source>PostgreSQL case database (postgresql:// URI or service=)</source>
      <translation>PostgreSQL 案件数据库（postgresql:// URI 或 service=）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="50" />
      <source>Prepare field package (QField)</source>
      <translation>生成外业数据包（QField）</translation>
    </message>
    <message>
      <location filename="../../plugin/field_menu.py" line="35" />
      <source>Prepare field package…</source>
      <translation>生成外业数据包…</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="54" />
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="27" />
      <source>Print documents</source>
      <translation>打印文书</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="133" />
      <source>Print documents…</source>
      <translation>打印文书…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="123" />
      <source>Print stop notices and notification sheets (责令停止违法行为通知书, 抄告单)</source>
      <translation>打印责令停止违法行为通知书和抄告单</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="35" />
      <source>Printed as the issuing unit on reports, dossiers and 月报</source>
      <translation>作为出具单位印在核查报告、卷宗和月报上</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="153" />
      <source>Printing failed</source>
      <translation>打印失败</translation>
    </message>
    <message>
      <location filename="../../plugin/printing.py" line="318" />
      <source>Printing {kind}</source>
      <translation>正在打印{kind}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="122" />
      <source>Prints the close-out report of every plot the expression selects.</source>
      <translation>为表达式选中的每个图斑打印销号报告。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="109" />
      <source>Prints the verification report of every plot the expression selects, named after its plot number. A report whose case data did not change is left as it is.</source>
      <translation>为表达式选中的每个图斑打印核查报告，文件以监测编号命名。案件数据未变化的报告保持不变。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="126" />
      <source>Prints, from the record, the 责令停止违法行为通知书 (or 停工通知书) of every stop action whose numbered notice is dated in the period, and the 抄告单 of every notification sent in the period, with each recipient's deadline and a reply slip. One PDF each, named by its number (文号).</source>
      <translation>按记录打印：通知书日期在统计期间内的每次制止所开具的责令停止违法行为通知书（或停工通知书），以及期间内发出的每份抄告单（列明各接收单位的期限并附回执）。每份一个 PDF，以文号命名。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="61" />
      <source>Problem list (.xlsx or .csv)</source>
      <translation>问题清单（.xlsx 或 .csv）</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="63" />
      <source>Problem list items</source>
      <translation>问题清单</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="73" />
      <source>Project layer</source>
      <translation>工程图层</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="94" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="133" />
      <source>QGIS cannot read it as a vector layer; check that the file is complete</source>
      <translation>QGIS 无法将其作为矢量图层读取，请检查文件是否完整</translation>
    </message>
    <message>
      <location filename="../../forms/server_database_dialog.py" line="60" />
      <source>QGIS connection</source>
      <translation>QGIS 连接</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="171" />
      <source>QGIS could not write the file: {message}</source>
      <translation>QGIS 无法写入文件：{message}</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="195" />
      <source>QGIS does not know EPSG:{srid}</source>
      <translation>QGIS 无法识别 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="121" />
      <source>Questioned plots (.xlsx or .csv)</source>
      <translation>问题图斑（.xlsx 或 .csv）</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="328" />
      <source>Re-inspected by</source>
      <translation>复核人</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="327" />
      <source>Re-inspected on</source>
      <translation>复核日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="73" />
      <source>Re-inspection and close-out</source>
      <translation>复核与销号</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="332" />
      <source>Re-inspection photos</source>
      <translation>复核照片</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="326" />
      <source>Re-inspection result</source>
      <translation>复核结果</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="145" />
      <source>Re-inspections merged</source>
      <translation>合并的复核数</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="190" />
      <source>Reading as {encoding} ({reason}).</source>
      <translation>按 {encoding} 读取（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="234" />
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="222" />
      <source>Reason for the revision</source>
      <translation>修改原因</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="121" />
      <source>Received on</source>
      <translation>接收日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="125" />
      <source>Received on (YYYY-MM-DD)</source>
      <translation>收到日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="172" />
      <source>Recipients</source>
      <translation>接收单位</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="40" />
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="49" />
      <source>Record a point clue</source>
      <translation>登记点状线索</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="249" />
      <source>Record a post-closure visit</source>
      <translation>记录事后巡查</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="86" />
      <source>Record a stop (制止)</source>
      <translation>记录制止</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="75" />
      <source>Record a stop…</source>
      <translation>记录制止…</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="79" />
      <source>Record a visit…</source>
      <translation>记录巡查回访…</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="106" />
      <source>Record number (上图入库号)</source>
      <translation>上图入库号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="143" />
      <source>Record patrols from a table (巡查记录表)</source>
      <translation>从巡查记录表登记巡查</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="302" />
      <source>Record re-inspection</source>
      <translation>保存复核结果</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="77" />
      <source>Record the reply…</source>
      <translation>记录回复…</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="86" />
      <source>Record {record}: {reason}</source>
      <translation>记录 {record}：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="149" />
      <source>Records refused</source>
      <translation>未合并的记录数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="146" />
      <source>Records the patrols of a 巡查记录表 (CSV in UTF-8 or GBK, or Excel), one patrol a row, with the headers: {headers}. 巡查日期, 报送单位 and 巡查人员 are required; the unit and zone must be registered. 发现图斑 and 发现线索 list 监测编号 and clue codes (separated by 、 or ;); 发现经度/发现纬度 record a new point clue found on the patrol. 轨迹文件 is the route from the patroller's phone (GPX or GeoJSON line), 照片, 视频 and 文件 the files of the patrol (several separated by ;), each relative to the table's folder. A patrol without findings is recorded as 无发现. Each row is stored on its own; a bad row is reported with its row number and reason, a row already recorded is skipped.</source>
      <translation>登记巡查记录表（UTF-8 或 GBK 编码的 CSV，或 Excel）中的巡查，每行一次巡查，表头为：{headers}。巡查日期、报送单位和巡查人员为必填；单位和片区须已登记。发现图斑和发现线索填写监测编号和线索编号（以 、 或 ; 分隔）；填写发现经度/发现纬度的，登记为本次巡查发现的新点位线索。轨迹文件为巡查人员手机记录的轨迹（GPX 或 GeoJSON 线），照片、视频和文件为本次巡查的附件（多个以 ; 分隔），路径均相对于记录表所在文件夹。无发现的巡查登记为“无发现”。每行单独存入；有误的行报告行号和原因，已登记的行予以跳过。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="184" />
      <source>Records the replies of a spreadsheet (.xlsx or .csv) with the columns 文号, 接收单位 and 回复日期, and optionally 回复内容 and 回复人: one row per reply. All rows are recorded, or none: a row that cannot be recorded is named with its number and the reason.</source>
      <translation>录入表格（.xlsx 或 .csv）中的回复，须有“文号”“接收单位”“回复日期”列，可选“回复内容”“回复人”列，每行一条回复。全部录入或全部不录入：无法录入的行会列出其行号和原因。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="72" />
      <source>Rectification</source>
      <translation>整改</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="78" />
      <source>Rectification measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="79" />
      <source>Red-line area name</source>
      <translation>红线区名称</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="237" />
      <source>Refer to the department</source>
      <translation>移交主管部门</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="255" />
      <source>Referred on</source>
      <translation>移交日期</translation>
    </message>
    <message>
      <location filename="../../forms/accountability_dock.py" line="60" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="67" />
      <source>Registers an issued batch of plots (shapefile, zipped shapefile, GeoPackage, GeoJSON or a project layer) in a case database, in one transaction. The DBF encoding is taken from the .cpg or detected (GBK/GB18030 or UTF-8); national field names are recognised, FIELD_MAP (JSON, plot field → source field) overrides them. Invalid geometries are repaired, plots already registered are skipped, overlaps are flagged. Plots outside the database's Gauss-Krüger zone (its 3° band and 0.5° beyond) are refused, the zone that fits them named, unless ALLOW_OTHER_ZONE is set. An import report CSV is written beside the database.</source>
      <translation>将下发的图斑批次（Shapefile、压缩的 Shapefile、GeoPackage、GeoJSON 或工程中的图层）在一个事务中登记到案件库。DBF 编码取自 .cpg 文件或自动识别（GBK/GB18030 或 UTF-8）；自动识别国家标准字段名，FIELD_MAP（JSON，图斑字段 → 源字段）可覆盖。无效几何自动修复，已登记的图斑跳过，重叠图斑予以标记。位于案件库高斯-克吕格分带（3° 带及其外 0.5°）以外的图斑不予导入，并指明适用的分带，除非设置 ALLOW_OTHER_ZONE。导入报告 CSV 写在案件库旁。</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="32" />
      <source>Rejected</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="59" />
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="33" />
      <source>Repaired</source>
      <translation>已修复</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="210" />
      <source>Replied by</source>
      <translation>回复人</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="208" />
      <source>Replied on</source>
      <translation>回复日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="195" />
      <source>Replies (spreadsheet)</source>
      <translation>回复表格</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="198" />
      <source>Replies recorded</source>
      <translation>已录入的回复数</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="202" />
      <source>Reply of {recipient}</source>
      <translation>{recipient} 的回复</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="133" />
      <source>Report file: {path}</source>
      <translation>报告文件：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="138" />
      <source>Report folder</source>
      <translation>报告文件夹</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="43" />
      <source>Report font</source>
      <translation>报告字体</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="61" />
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="117" />
      <source>Reported to</source>
      <translation>报告对象</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="59" />
      <source>Reporting office (printed on the PDF)</source>
      <translation>填报单位（印在 PDF 上）</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="74" />
      <source>Reporting unit</source>
      <translation>报送单位</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="250" />
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="330" />
      <source>Restored area</source>
      <translation>复耕面积</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="256" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="49" />
      <source>Rights</source>
      <translation>权限</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="61" />
      <source>Role</source>
      <translation>图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="86" />
      <source>Role left out: {problem}</source>
      <translation>已跳过图层类别：{problem}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="114" />
      <source>Role {role}: {source} ({provider}), fields {fields}</source>
      <translation>图层类别 {role}：{source}（{provider}），字段 {fields}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="96" />
      <source>Roles compared: {roles}</source>
      <translation>参与比对的图层类别：{roles}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="86" />
      <source>Root hash of the seal</source>
      <translation>封存根哈希</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="47" />
      <source>Round</source>
      <translation>轮次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="243" />
      <source>Round (id, or e.g. 2026-03 一上)</source>
      <translation>报送轮次（编号，或如 2026-03 一上）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="46" />
      <source>Round number</source>
      <translation>轮次编号</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="129" />
      <source>Round {period} {stage} locked. Its root hash {root} is printed on the submission and on every document printed from now on.</source>
      <translation>报送轮次 {period} {stage} 已锁定。其根哈希 {root} 将印在报送材料和此后打印的每份文书上。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="102" />
      <source>Round {period} {stage} taken.</source>
      <translation>已生成报送轮次 {period} {stage}。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="193" />
      <source>Row {row} ({jcbh}): {reason}</source>
      <translation>第 {row} 行（{jcbh}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="168" />
      <source>Rows already recorded</source>
      <translation>已登记过的行数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="73" />
      <source>Rows left out</source>
      <translation>未录入的行数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="132" />
      <source>Rows rejected</source>
      <translation>拒绝记录数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="69" />
      <source>Rows stored</source>
      <translation>写入记录数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="87" />
      <source>Rules broken</source>
      <translation>追责情形数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="63" />
      <source>Rules in force</source>
      <translation>现行规则</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="36" />
      <source>Same shape</source>
      <translation>疑似同一图斑</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="68" />
      <source>Save as CSV…</source>
      <translation>另存为 CSV…</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="196" />
      <source>Save determination</source>
      <translation>保存判定结果</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="81" />
      <source>Save findings</source>
      <translation>保存核验结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="150" />
      <source>Save verification</source>
      <translation>保存核查结果</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="235" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="52" />
      <source>Scanned document</source>
      <translation>扫描件</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="211" />
      <source>Scanned reply</source>
      <translation>回复扫描件</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="75" />
      <source>Scans (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.PNG)</source>
      <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.PNG)</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="207" />
      <source>Scans (*.pdf *.jpg *.jpeg *.png)</source>
      <translation>扫描件 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="178" />
      <source>Scans bound in the dossier (批文, 备案, 立案文书 …)</source>
      <translation>装订入卷宗的扫描件（批文、备案、立案文书等）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="166" />
      <source>Schedule post-closure visits or a 回头看</source>
      <translation>安排事后巡查或“回头看”</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="42" />
      <source>Sealed</source>
      <translation>封存值</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="85" />
      <source>Search plot number, township, village…</source>
      <translation>搜索监测编号、乡镇、村…</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="106" />
      <source>Select a plot in the case panel first.</source>
      <translation>请先在案件面板中选择图斑。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="109" />
      <source>Select a round first.</source>
      <translation>请先选择轮次。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="140" />
      <source>Select a round that has a round before it.</source>
      <translation>请选择有上一轮次的轮次。</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="188" />
      <source>Select one point clue on the map first, then draw its outline.</source>
      <translation>请先在地图上选中一个点状线索，再勾绘其范围。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="49" />
      <source>Selected plots not printed</source>
      <translation>选中但未打印的图斑数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="169" />
      <source>Selects closed-out plots (已销号 or 事后巡查): those of JCBH (监测编号 separated by commas, spaces or lines), or else those of TOWNSHIP closed out before CLOSED_BEFORE (each optional). Without CAMPAIGN, each gets its post-closure visits (事后巡查) at the station's schedule, months after its close-out (by default {months}; MONTHS, e.g. 1,3,6, changes the station's schedule first): the intervals are the station's choice, no seed sets them. With CAMPAIGN, the plots join that 回头看 campaign (created with ISSUER, STARTED_ON and ENDS_ON when new), each a visit due on its end date. Plots left out are named with the reason.</source>
      <translation>选取已销号的图斑（已销号或事后巡查）：JCBH 所列的图斑（监测编号以逗号、空格或换行分隔），否则为 TOWNSHIP 中在 CLOSED_BEFORE 之前销号的图斑（均可选）。不填 CAMPAIGN 时，按本所的事后巡查计划为每个图斑安排销号后若干个月的巡查（默认 {months} 个月；填写 MONTHS，如 1,3,6，则先修改本所的计划）：巡查间隔由本所自定，文件未作规定。填写 CAMPAIGN 时，图斑列入该“回头看”行动（新行动按 ISSUER、STARTED_ON 和 ENDS_ON 创建），每个图斑的检查在行动结束日到期。未选入的图斑列出原因。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="153" />
      <source>Send a notification (抄告)</source>
      <translation>发送抄告</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="76" />
      <source>Send a notification…</source>
      <translation>发送抄告…</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="171" />
      <source>Sender</source>
      <translation>发文单位</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="168" />
      <source>Sent on</source>
      <translation>发文日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="30" />
      <source>Set layer role</source>
      <translation>指定图层类别</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/photo_rules_algorithm.py" line="41" />
      <source>Sets the rules a verification's photos are checked against (shown in the case dialog and the 核查报告): at least N photos, the kinds required (e.g. 全景,近景), taken within the plot's date window widened by a margin of days, within D metres of the plot, facing it within ± the angle. A value left empty keeps the one the database has; the result says the rules now in force.</source>
      <translation>设置核查照片所依据的规则（显示在案件对话框和核查报告中）：至少 N 张照片，必须的照片类型（如 全景,近景），拍摄日期在图斑的日期窗口内（可前后放宽若干天），距图斑 D 米以内，朝向图斑在 ± 角度以内。留空的项保持数据库中的现值；结果给出现行规则。</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="154" />
      <source>Settings…</source>
      <translation>设置…</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="249" />
      <source>Shapefile (GBK)</source>
      <translation>Shapefile 文件（GBK）</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="214" />
      <source>Share covered by the approval</source>
      <translation>批文覆盖比例</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="64" />
      <source>Shared evidence folder (a server database: photos, scans, reports)</source>
      <translation>共享证据文件夹（服务器数据库：照片、扫描件、报告）</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="73" />
      <source>Signs of building</source>
      <translation>所见迹象</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="96" />
      <source>Signs seen</source>
      <translation>发现的迹象</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="161" />
      <source>Site status</source>
      <translation>现场状态</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="86" />
      <source>Site status (现场状态)</source>
      <translation>现场状态</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="105" />
      <source>Source</source>
      <translation>数据源</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="67" />
      <source>Source (来源)</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="86" />
      <source>Source row</source>
      <translation>源记录行号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="43" />
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="272" />
      <source>Start rectification</source>
      <translation>开始整改</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="51" />
      <source>Station case database file</source>
      <translation>站点案件数据库文件</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="187" />
      <source>Station's schedule, months after 销号 (e.g. 1,3,6)</source>
      <translation>本所巡查计划，销号后的月数（如 1,3,6）</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="172" />
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="220" />
      <source>Statistics period</source>
      <translation>统计期间</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="102" />
      <source>Statistics workbook</source>
      <translation>统计表（Excel）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="175" />
      <source>Statistics written to {path}.</source>
      <translation>统计表已导出至 {path}。</translation>
    </message>
    <message>
      <location filename="../../cases/stats_periods.py" line="27" />
      <source>Statistics: {reason}</source>
      <translation>统计：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="117" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="145" />
      <source>Stop notices printed</source>
      <translation>已打印的通知书数</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="107" />
      <source>Stopped</source>
      <translation>制止</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="109" />
      <source>Stopped by (names)</source>
      <translation>制止人员（姓名）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="106" />
      <source>Stopping (制止)</source>
      <translation>制止</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="75" />
      <source>Stopping and notifying</source>
      <translation>制止与抄告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="44" />
      <source>Stopping, notifying and accountability</source>
      <translation>制止、抄告与追责</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="110" />
      <source>Stores the plots the city questioned in its 一下 of a month (PERIOD, YYYY-MM), received on RECEIVED_ON (today when empty), from an Excel workbook or a CSV file with the columns 监测编号 and 意见 (or 审核意见). Each is then tracked until the month's 二上: 待更正, 已更正, or 已二上 once corrected before the 二上 was taken. Rows that cannot be used are named with their row and reason; a plot already questioned in the month is not added again.</source>
      <translation>从 Excel 工作簿或 CSV 文件（列：监测编号、意见（或审核意见））录入市级某月“一下”反馈的问题图斑（PERIOD，YYYY-MM），收到日期为 RECEIVED_ON（留空为今天）。每个图斑跟踪至当月“二上”：待更正、已更正，或在“二上”前已更正则为已二上。无法使用的行列出行号和原因；当月已反馈的图斑不再重复录入。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="51" />
      <source>Stores the polygons of a layer or file as patrol zones (片区): code (编号), name (名称), level (等级: 高, 中 or 低), responsible unit (责任单位, registered before) and person (责任人). Fields named so are found by themselves; the field parameters choose others. The polygons are reprojected to the database's CRS. A zone whose code is already stored is updated. Each row that cannot be stored is reported with the file, its row and the reason; the others are stored.</source>
      <translation>将图层或文件中的多边形存为巡查片区：编号、名称、等级（高、中或低）、责任单位（须先登记）和责任人。按这些名称命名的字段自动识别；字段参数可另行指定。多边形转换到数据库的坐标系。编号已存在的片区予以更新。不能存入的行逐一报告文件、行号和原因，其余照常存入。</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="212" />
      <source>Sub-type</source>
      <translation>子类</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="169" />
      <source>Subject</source>
      <translation>事由</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="84" />
      <source>Submission round</source>
      <translation>报送轮次</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="95" />
      <source>Submission round {name} locked; root hash of its seal: {root}</source>
      <translation>报送轮次 {name} 已锁定，封存根哈希：{root}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="61" />
      <source>Submission round {name} taken.</source>
      <translation>已生成报送轮次 {name}。</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="64" />
      <source>Submission round {period} {stage}: {reason}</source>
      <translation>报送轮次 {period} {stage}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/locks.py" line="60" />
      <source>Submission round {round} is locked: its data can no longer be changed.</source>
      <translation>报送轮次 {round} 已锁定，其数据不能再更改。</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="30" />
      <source>Submission rounds</source>
      <translation>报送轮次</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="143" />
      <source>Submission rounds…</source>
      <translation>报送轮次…</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="107" />
      <source>Suggested determination</source>
      <translation>建议判定</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="39" />
      <source>Suggested: {reason}. The zone cannot be changed later.</source>
      <translation>建议：{reason}。分带创建后不能更改。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="86" />
      <source>TARGET must be a PostgreSQL connection: a postgresql:// URI or service=&lt;name&gt;.</source>
      <translation>TARGET 必须是 PostgreSQL 连接：postgresql:// URI 或 service=&lt;名称&gt;。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="226" />
      <source>Table</source>
      <translation>统计表</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="26" />
      <source>Take a submission round</source>
      <translation>生成报送轮次</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="84" />
      <source>Take round {period} {stage}</source>
      <translation>生成报送轮次 {period} {stage}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="35" />
      <source>Taken at</source>
      <translation>生成时间</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/rounds_algorithms.py" line="29" />
      <source>Takes the snapshot of a submission round: PERIOD is the month (YYYY-MM) and STAGE 一上, 一下 or 二上 (一下 and 二上 need the earlier stage of the same month). Without PERIOD, the next round due is taken. ROUND is the new round's number, ROUND_NAME its name.</source>
      <translation>生成报送轮次的快照：PERIOD 为月份（YYYY-MM），STAGE 为一上、一下或二上（一下、二上须先有同月的前一阶段）。不填 PERIOD 时生成下一个应报轮次。ROUND 为新轮次的编号，ROUND_NAME 为其名称。</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="280" />
      <source>Task list made on</source>
      <translation>任务清单制定日期</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="117" />
      <source>Temporary land use (临时用地)</source>
      <translation>临时用地</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="106" />
      <source>Text encoding</source>
      <translation>文字编码</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="232" />
      <source>Text encoding: {encoding} ({reason})</source>
      <translation>文字编码：{encoding}（{reason}）</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="47" />
      <source>Text read as {encoding}: {reason}</source>
      <translation>文字编码按 {encoding} 读取：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="148" />
      <source>The check could not be written to {path}: {error}</source>
      <translation>检查结果无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="204" />
      <source>The clue was not outlined</source>
      <translation>线索未勾绘成图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="160" />
      <source>The clue was not recorded</source>
      <translation>线索未登记</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="121" />
      <source>The clue's description when left empty</source>
      <translation>留空则沿用线索的描述</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="36" />
      <source>The daily and monthly patrol reports per unit and township of a month (YYYY-MM) or a day (YYYY-MM-DD): monthly reports submitted on time or late (due the 20th of the next month), daily reports and 零报 per unit, the units × days table, the units that did not report, the zones not visited at their level's frequency and the breaches (a find not reported the same day, a monthly report missing or late, a zone not visited), with the unit and persons accountable. A day without a find and without a report is listed as 未报 but is no breach (日报: 有则报，无则零报或不报). Writes an Excel workbook and, when OUTPUT_PDF is given, a PDF.</source>
      <translation>按报送单位和乡镇统计某月（YYYY-MM）或某日（YYYY-MM-DD）的巡查日报和月报：月报按时或逾期报送情况（应于次月20日前报送），各单位日报及零报，单位×日明细表，未报送单位，未按等级频次巡查的片区，以及问责情形（发现未当日报送、月报未报或逾期、片区未巡查）及其责任单位和责任人。无发现且未报的日期列为“未报”，不作问责（日报：有则报，无则零报或不报）。输出 Excel 工作簿；给定 OUTPUT_PDF 时另输出 PDF。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="92" />
      <source>The database user {user} has no right to change {table}; ask the administrator of the case database if this is part of your work.</source>
      <translation>数据库用户 {user} 无权修改 {table}；如属于您的工作，请联系案件数据库管理员。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="101" />
      <source>The database user {user} may not write this row of {table}: it lies outside the townships or plots assigned to this user.</source>
      <translation>数据库用户 {user} 不能写入 {table} 的这条记录：它不在分配给该用户的乡镇或图斑范围内。</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="99" />
      <source>The document date {value} is not a date (YYYY-MM-DD).</source>
      <translation>成文日期 {value} 不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="268" />
      <source>The field mapping cannot be used: {problems}</source>
      <translation>字段对应无法使用：{problems}</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_gpkg.py" line="36" />
      <source>The field package could not be written to {path}: {reason}</source>
      <translation>外业数据包无法写入 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/field_cases.py" line="64" />
      <source>The field package {code} was not made from this case database (or was deleted from it): it cannot be merged here.</source>
      <translation>外业数据包 {code} 不是由本案件数据库生成的（或已从中删除），不能合并到这里。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="104" />
      <source>The file {name} is missing or damaged beside the station file; its row was moved.</source>
      <translation>站点数据库旁的文件 {name} 缺失或已损坏；其记录已迁移。</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="28" />
      <source>The filter expression is not valid: {error}</source>
      <translation>筛选表达式无效：{error}</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="40" />
      <source>The filter expression names fields the plot table does not have: {fields}</source>
      <translation>筛选表达式引用了图斑表中不存在的字段：{fields}</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_imagery.py" line="28" />
      <source>The image {path} was left out of the package: {reason}</source>
      <translation>影像 {path} 未放入外业包：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="80" />
      <source>The layer cannot be opened.</source>
      <translation>无法打开图层。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="102" />
      <source>The list could not be written to {path}: {error}</source>
      <translation>无法将清单写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="213" />
      <source>The monthly report could not be written to {path}: {error}</source>
      <translation>无法将月报写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="103" />
      <source>The patrol report could not be written to {path}: {error}</source>
      <translation>巡查报告无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../../plugin/patrol_map.py" line="265" />
      <source>The patrol zone was not saved</source>
      <translation>巡查片区未保存</translation>
    </message>
    <message>
      <location filename="../../cases/photo_rules.py" line="65" />
      <source>The photo rules were not changed: {reason}</source>
      <translation>照片规则未修改：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="239" />
      <source>The plot batch cannot be read.</source>
      <translation>无法读取图斑批次。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="81" />
      <source>The plot needs a number.</source>
      <translation>请填写图斑编号。</translation>
    </message>
    <message>
      <location filename="../../layers/plot_filter.py" line="32" />
      <source>The plot table cannot be read.</source>
      <translation>无法读取图斑表。</translation>
    </message>
    <message>
      <location filename="../../plugin/map_interaction.py" line="81" />
      <source>The plot was not saved</source>
      <translation>图斑未保存</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="189" />
      <source>The records are as LandCase left them: {count} audit rows checked, every locked round matches its seal.</source>
      <translation>记录保持 LandCase 写入时的状态：已核验 {count} 条审计记录，各锁定轮次均与其封存值一致。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="94" />
      <source>The reports use {face} ({path}).</source>
      <translation>报告使用字体 {face}（{path}）。</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="39" />
      <source>The route {path} was not read: {reason}</source>
      <translation>未读取轨迹 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/print_dialog.py" line="36" />
      <source>The selected plots ({count})</source>
      <translation>所选图斑（{count} 个）</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="276" />
      <source>The source has no coordinate reference system: name the one it uses.</source>
      <translation>源数据没有坐标参考系，请指定其使用的坐标系。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="248" />
      <source>The station's schedule is now {months} months after 销号.</source>
      <translation>本所事后巡查计划现为销号后 {months} 个月。</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="137" />
      <source>The unit of the issued area. Each plot's issued area is checked against its ellipsoidal area; beyond 5 % it is listed in the report.</source>
      <translation>下发监测面积的单位。每个图斑的监测面积都与其椭球面积核对，相差超过 5% 的列入导入报告。</translation>
    </message>
    <message>
      <location filename="../../cases/issued_area.py" line="80" />
      <source>The unit of 监测面积 was not given and none of the {total} issued areas agrees with its plot's ellipsoidal area within {tolerance} % in 亩 or in m²; they were read in 亩, the unit of the national field.</source>
      <translation>未指定监测面积单位，{total} 个监测面积无论按 亩 还是 m² 计，均无一与图斑椭球面积相差不超过 {tolerance}%；按国家字段的单位 亩 读取。</translation>
    </message>
    <message>
      <location filename="../../cases/issued_area.py" line="90" />
      <source>The unit of 监测面积 was not given; guessed {unit}: read in {unit}, {agree} of {total} issued areas agree with their plot's ellipsoidal area within {tolerance} % (read in {other}: {other_agree}).</source>
      <translation>未指定监测面积单位，按数值推断为 {unit}：按 {unit} 计，{total} 个监测面积中有 {agree} 个与图斑椭球面积相差不超过 {tolerance}%（按 {other} 计为 {other_agree} 个）。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="169" />
      <source>The workbook was not written</source>
      <translation>工作簿未写入</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="87" />
      <source>The zone layer could not be opened.</source>
      <translation>无法打开片区图层。</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="41" />
      <source>The zone suggested is the one of the current map extent. It cannot be changed later.</source>
      <translation>默认投影带取自当前地图范围。建库后不能再更改。</translation>
    </message>
    <message>
      <location filename="../../cases/pg_roles.py" line="238" />
      <source>There is no login role {role} on the server: the administrator creates it first (CREATE ROLE {role} LOGIN PASSWORD '…').</source>
      <translation>服务器上没有登录角色 {role}：请管理员先创建（CREATE ROLE {role} LOGIN PASSWORD '…'）。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="77" />
      <source>Three-year campaign</source>
      <translation>三年行动进度</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="94" />
      <source>Three-year campaign plan quantity (亩; stored when given)</source>
      <translation>三年行动计划整治量（亩；填写时保存）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="140" />
      <source>Three-year campaign plan quantity stored: {area} 亩</source>
      <translation>已保存三年行动计划整治量：{area} 亩</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="56" />
      <source>Title</source>
      <translation>题名</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="59" />
      <source>Title (题名)</source>
      <translation>题名</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="215" />
      <source>Title number (不动产权证号)</source>
      <translation>不动产权证号</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="231" />
      <source>To</source>
      <translation>移送机关</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="73" />
      <source>Top 10 非农化</source>
      <translation>非农化前十乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="74" />
      <source>Top 10 非粮化</source>
      <translation>非粮化前十乡镇</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="118" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="62" />
      <source>Township (行政区代码 prefix or name; empty: all)</source>
      <translation>乡镇（行政区代码前缀或名称；留空：全部）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="185" />
      <source>Township (镇街)</source>
      <translation>镇街</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="72" />
      <source>Township quota</source>
      <translation>乡镇考核</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="69" />
      <source>Townships</source>
      <translation>乡镇汇总</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="124" />
      <source>Townships (乡镇)</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="54" />
      <source>Townships (行政区代码 prefixes) or plots (监测编号)</source>
      <translation>乡镇（行政区代码前缀）或图斑（监测编号）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="226" />
      <source>Transfer the case (移送)</source>
      <translation>移送案件</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="232" />
      <source>Transferred on</source>
      <translation>移送日期</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="113" />
      <source>Transfers (移送)</source>
      <translation>移送</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="78" />
      <source>Transfer…</source>
      <translation>移送…</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="41" />
      <source>Trigger</source>
      <translation>触发器</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="40" />
      <source>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</source>
      <translation>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="71" />
      <source>Unit field (责任单位)</source>
      <translation>责任单位字段</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="36" />
      <source>Unit name</source>
      <translation>单位名称</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/import_plots.py" line="142" />
      <source>Unit of the issued areas</source>
      <translation>监测面积单位</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="142" />
      <source>Unit of the monitored area</source>
      <translation>监测面积单位</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="53" />
      <source>Unit responsible</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="105" />
      <source>Unit that stopped it</source>
      <translation>制止单位</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="95" />
      <source>Until then: </source>
      <translation>在此之前：</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="54" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="83" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="162" />
      <source>User of the land</source>
      <translation>用地主体</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="106" />
      <source>Verification reports (核查报告)</source>
      <translation>核查报告</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="144" />
      <source>Verifications merged</source>
      <translation>合并的核查数</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="92" />
      <source>Verified at</source>
      <translation>核查时间</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="167" />
      <source>Verified on</source>
      <translation>核查日期</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="166" />
      <source>Verifier</source>
      <translation>核查人</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="72" />
      <source>Verifier who takes the package</source>
      <translation>领取数据包的核查人</translation>
    </message>
    <message>
      <location filename="../../plugin/main.py" line="144" />
      <source>Verify audit trail</source>
      <translation>校验审计日志</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/verify_records.py" line="25" />
      <source>Verify records</source>
      <translation>核验记录</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="27" />
      <source>Verify records…</source>
      <translation>核验记录…</translation>
    </message>
    <message>
      <location filename="../../forms/clue_form.py" line="76" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="70" />
      <source>Villages</source>
      <translation>村级汇总</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="135" />
      <source>Villages (村)</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="116" />
      <source>Violations (违法宗数)</source>
      <translation>违法宗数</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="85" />
      <source>Visit</source>
      <translation>外业类型</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_project.py" line="67" />
      <source>Visit due</source>
      <translation>待办外业</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="254" />
      <source>Visited on</source>
      <translation>回访日期</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="255" />
      <source>Visitor</source>
      <translation>回访人</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="196" />
      <source>Visits scheduled</source>
      <translation>已安排的巡查次数</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="209" />
      <source>What it says</source>
      <translation>回复内容</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="352" />
      <source>What these photos show</source>
      <translation>照片类型（全景、近景…）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="51" />
      <source>Why plots were not printed</source>
      <translation>图斑未打印的原因</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="60" />
      <source>Why this CRS</source>
      <translation>选择该坐标系的理由</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="216" />
      <source>Write every table to an Excel workbook</source>
      <translation>将全部统计表写入 Excel 工作簿</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="53" />
      <source>Writes the plots due for a field visit (核查: 待核查; 复核: 整改中 or 待复核; 事后巡查: closed out, with a post-closure visit due within a week), those of FILTER when given, into a folder and a zip that QField opens offline: a GeoPackage with the plots, tables for the field records and their photos, a point layer for new finds with their photos and the role layers clipped around the plots, and a project with forms, value lists and required fields. ASSIGNEE names who takes the package (the forms' default verifier). The database records which cases went out in it; merge it back with 'Merge field package'.</source>
      <translation>将需要外业的图斑（核查：待核查；复核：整改中或待复核；事后巡查：已销号且一周内有事后巡查到期；给出 FILTER 时为其中符合条件的图斑）写入一个 QField 可离线打开的文件夹和 zip：包含图斑、外业记录表及其照片表、新发现点图层及其照片表和按图斑范围裁剪的角色图层的 GeoPackage，以及配置好表单、值列表和必填项的项目。ASSIGNEE 为领取数据包的人（表单中默认的核查人）。数据库记录每个案件随哪个数据包外出；带回后用“合并外业数据包”合并。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="232" />
      <source>Writes the plots of a submission round (一上 or 二上), with their determination and progress as the round's snapshot holds them, in the national field names (JCBH, XZQDM, XZQMC, JCPC, JCMJ, TBMJ, PDLX, …): a GeoPackage, a shapefile in GBK (with its .cpg) and an Excel table, in OUTPUT_FOLDER. ROUND is the round's id or its name, e.g. '2026-03 一上'.</source>
      <translation>将报送轮次（一上或二上）的图斑及其判定结果和办理进展（以该轮次快照为准）按国家字段名（JCBH、XZQDM、XZQMC、JCPC、JCMJ、TBMJ、PDLX 等）写入 OUTPUT_FOLDER：GeoPackage 文件、GBK 编码的 Shapefile（含 .cpg 文件）和 Excel 表格。ROUND 为轮次编号或名称，例如 '2026-03 一上'。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="115" />
      <source>Written report</source>
      <translation>书面报告</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_dock.py" line="130" />
      <source>YYYY-MM, YYYY-Q3, YYYY, YYYY-年末 or a date range</source>
      <translation>YYYY-MM、YYYY-Q3、YYYY、YYYY-年末 或日期范围</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="50" />
      <source>Zone code</source>
      <translation>片区编号</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="51" />
      <source>Zone name</source>
      <translation>片区名称</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="64" />
      <source>Zone polygons</source>
      <translation>片区多边形</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="79" />
      <source>Zones added</source>
      <translation>新增片区数</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="80" />
      <source>Zones updated</source>
      <translation>更新片区数</translation>
    </message>
    <message>
      <location filename="../../cases/store_plots.py" line="38" />
      <source>a batch of this name already exists</source>
      <translation>同名批次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/calendar.py" line="115" />
      <source>a calendar day is 'holiday' or 'workday', not {kind}</source>
      <translation>日历日类型应为 'holiday'（放假）或 'workday'（调休上班），而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="68" />
      <source>a campaign of this name exists</source>
      <translation>已有同名行动</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="87" />
      <source>a case is closed out after a re-inspection found it 整改到位 (the case is {status})</source>
      <translation>复核结果为整改到位后方可销号（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="74" />
      <source>a case is filed or referred after a 违法 determination (the case is {status})</source>
      <translation>判定为违法后方可立案或移交（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/transfers.py" line="96" />
      <source>a case is transferred to {allowed}, not {value}</source>
      <translation>案件移送至{allowed}，不能移送至{value}</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="147" />
      <source>a clue with this code already exists</source>
      <translation>已有此编号的线索</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="195" />
      <source>a coordinate is not a finite number</source>
      <translation>有坐标不是有限数值</translation>
    </message>
    <message>
      <location filename="../../cases/photo_rules.py" line="125" />
      <source>a count or a number of days is negative</source>
      <translation>张数或天数为负数</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="105" />
      <source>a deadline counts from 'sent' or 'instructed', not {value}</source>
      <translation>期限自“sent”（发出）或“instructed”（批示）起算，不能为 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="72" />
      <source>a field verification cannot be added once the case is {status}</source>
      <translation>案件状态为 {status}，不能再添加外业核查</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="198" />
      <source>a notice with this number was already recorded</source>
      <translation>该文号的通知书已登记</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="195" />
      <source>a notification goes to at least one recipient</source>
      <translation>抄告至少要有一个接收单位</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="211" />
      <source>a notification with this number (文号) already exists</source>
      <translation>该文号的抄告已存在</translation>
    </message>
    <message>
      <location filename="../../cases/accountability.py" line="32" />
      <source>a period is written YYYY-MM, e.g. 2026-10</source>
      <translation>统计期间按 YYYY-MM 填写，例如 2026-10</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="76" />
      <source>a plot is closed without a case after a determination other than 违法 (the case is {status})</source>
      <translation>判定为违法以外的类别后方可不立案办结（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/store_plots.py" line="96" />
      <source>a plot must be a polygon, not a {kind}</source>
      <translation>图斑必须是面，而不是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/store_plots.py" line="155" />
      <source>a plot with this 监测编号 is already in the database</source>
      <translation>案件库中已有相同监测编号的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="72" />
      <source>a point has no number for lon or lat ({lon}, {lat})</source>
      <translation>有点的 lon 或 lat 不是数字（{lon}, {lat}）</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="197" />
      <source>a recipient is named twice</source>
      <translation>接收单位重复</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="170" />
      <source>a result needs the time of the stop</source>
      <translation>填写制止结果须同时填写制止时间</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="139" />
      <source>a revised determination needs the reason for the revision</source>
      <translation>修改判定须填写修改原因</translation>
    </message>
    <message>
      <location filename="../../cases/transfers.py" line="115" />
      <source>a transfer is recorded beside a filed case: file the case (立案) first (the case is {status})</source>
      <translation>移送须在案件立案后登记：请先立案（案件当前为{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="78" />
      <source>a unit with this name already exists</source>
      <translation>已有同名单位</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="176" />
      <source>a written report needs both its time and whom it went to</source>
      <translation>书面报告须同时填写报告时间和报告对象</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="111" />
      <source>a zero report (零报) cannot report {count} findings</source>
      <translation>零报不能报告 {count} 处发现</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="243" />
      <source>a {category} determination has no sub-type (got {value})</source>
      <translation>判定为{category}不设子类（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="225" />
      <source>a {category} determination needs a sub-type: {allowed}</source>
      <translation>判定为{category}须选择子类：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="121" />
      <source>a {kind} has malformed coordinates</source>
      <translation>{kind} 的坐标格式有误</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="165" />
      <source>a {value} needs its number and its date</source>
      <translation>{value}须填写文号和日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="128" />
      <source>a 违法 determination cannot be closed without a case: file or refer it</source>
      <translation>判定为违法的不能不立案办结，请立案或移交</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="162" />
      <source>a 违法 determination needs the construction date to tell 新增 from 存量</source>
      <translation>判定为违法须填写建设时间，以区分新增与存量</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>added</source>
      <translation>增加</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="160" />
      <source>already in the database; not imported again</source>
      <translation>案件库中已有，未重复导入</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="159" />
      <source>already in this campaign</source>
      <translation>已在本次行动中</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_guards.py" line="145" />
      <source>an area must be a number of m², 0 or more (got {value})</source>
      <translation>面积须为不小于 0 的数值，单位平方米（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="358" />
      <source>an extension must end after the deadline {due}</source>
      <translation>延期日期须晚于原期限 {due}</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="371" />
      <source>an extension needs the plan (整改计划) with its time nodes</source>
      <translation>延期须有整改计划及时间节点</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="133" />
      <source>approvals cover only {share:.1%} of the plot (95 % needed): {numbers}</source>
      <translation>批准用地仅覆盖图斑的 {share:.1%}（须达到 95%）：{numbers}</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="69" />
      <source>approvals cover {share:.1%} of the plot: {numbers}</source>
      <translation>批准用地覆盖图斑的 {share:.1%}：{numbers}</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="143" />
      <source>approvals were not compared (no approval layer)</source>
      <translation>未比对批准用地（无批准用地图层）</translation>
    </message>
    <message>
      <location filename="../../cases/move_archive.py" line="67" />
      <source>archived audit row {id} no longer matches the seal recorded when round {round} was locked</source>
      <translation>归档审计记录 {id} 与报送轮次 {round} 锁定时记录的封存不再相符</translation>
    </message>
    <message>
      <location filename="../../forms/breakdown_view.py" line="112" />
      <source>areas in mu</source>
      <translation>面积单位：亩</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="176" />
      <source>audit row {id} does not match its seal: it was changed or moved</source>
      <translation>审计记录 {id} 与其封签不符：已被修改或移动</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="178" />
      <source>audit row {id} is not linked to row {previous_id}: a row was deleted, re-ordered or re-sealed</source>
      <translation>审计记录 {id} 未与记录 {previous_id} 相链接：有记录被删除、调换顺序或重新封签</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="181" />
      <source>audit row {id} is not sealed while later rows are: it was not written by LandCase's triggers, or its seal was removed</source>
      <translation>审计记录 {id} 未封存而其后的记录已封存：不是 LandCase 触发器写入的，或其封存值被清除</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="185" />
      <source>audit row {id} is only half sealed</source>
      <translation>审计记录 {id} 封签不完整</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="186" />
      <source>audit row {id} no longer matches the seal recorded when round {round} was locked</source>
      <translation>审计记录 {id} 与报送轮次 {round} 锁定时记录的封签不符</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="187" />
      <source>audit row {id}, sealed when round {round} was locked, is missing</source>
      <translation>报送轮次 {round} 锁定时已封签的审计记录 {id} 缺失</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="58" />
      <source>audit row {row_id} ({action} {table} #{target}) does not agree with the data or with the log before it: it was not written by LandCase's triggers, or the data was changed unaudited; it is not sealed</source>
      <translation>审计记录 {row_id}（{action} {table} #{target}）与数据或此前的日志不符：不是 LandCase 触发器写入的，或数据曾被绕过审计修改；未予封存</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="74" />
      <source>audit row {row_id} no longer matches the checkpoint {source}</source>
      <translation>审计记录 {row_id} 与检查点（{source}）不符</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="177" />
      <source>audit rows between {previous_id} and {id} are missing (deleted)</source>
      <translation>审计记录 {previous_id} 与 {id} 之间的记录缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="54" />
      <source>audit trail: {reason}</source>
      <translation>审计日志：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="27" />
      <source>cannot tell: {rules}</source>
      <translation>无法判断：{rules}</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="56" />
      <source>case panel and statistics</source>
      <translation>案件面板和统计</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>changed</source>
      <translation>变更</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="18" />
      <source>county (every township)</source>
      <translation>县局（全部乡镇）</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="60" />
      <source>deadlines on the official calendar</source>
      <translation>按法定工作日计算的期限</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="50" />
      <source>due</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="222" />
      <source>due {due}, visited {visited} by {visitor}: {result}</source>
      <translation>应于 {due}，{visited} 由 {visitor} 回访：{result}</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="34" />
      <source>e.g. 青山县自然资源局青山所</source>
      <translation>例如：青山县自然资源局青山所</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="15" />
      <source>facing the plot (±{degrees:g}°)</source>
      <translation>朝向图斑（±{degrees:g}°）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="20" />
      <source>field (the plots of SCOPE, by 监测编号)</source>
      <translation>外业（SCOPE 中的图斑，按监测编号）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="80" />
      <source>file the case or refer it to a department before starting the rectification (the case is {status})</source>
      <translation>请先立案或移交主管部门，再开始整改（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/record_files.py" line="236" />
      <source>files cannot be attached to this kind of record</source>
      <translation>此类记录不能附加文件</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="149" />
      <source>filing {number} covers only {share:.1%} of the plot</source>
      <translation>备案 {number} 仅覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="95" />
      <source>filing {number} covers {share:.1%} of the plot</source>
      <translation>备案 {number} 覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="85" />
      <source>found when the file was opened at {at} (LandCase restored the triggers): {finding}</source>
      <translation>{at} 打开文件时发现（LandCase 已恢复触发器）：{finding}</translation>
    </message>
    <message>
      <location filename="../../forms/case_steps.py" line="190" />
      <source>from the field verification</source>
      <translation>取自外业核查</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="225" />
      <source>geometry repaired: {note}</source>
      <translation>几何图形已修复：{note}</translation>
    </message>
    <message>
      <location filename="../../cases/record_checks.py" line="66" />
      <source>has a coordinate ({x}, {y}) outside the area of use of EPSG:{srid} (x {xmin} to {xmax}, y {ymin} to {ymax}); check the CRS of the source</source>
      <translation>坐标（{x}, {y}）超出 EPSG:{srid} 的适用范围（x {xmin} 至 {xmax}，y {ymin} 至 {ymax}），请核对源数据的坐标系</translation>
    </message>
    <message>
      <location filename="../../cases/record_checks.py" line="113" />
      <source>has a coordinate that is not a finite number ({point}); correct the geometry in the source and import it again</source>
      <translation>含有非有限数值的坐标（{point}），请在源数据中更正几何图形后重新导入</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="102" />
      <source>has characters that GBK cannot encode</source>
      <translation>含有无法用 GBK 编码的字符</translation>
    </message>
    <message>
      <location filename="../../cases/plot_overlaps.py" line="96" />
      <source>has the shape of {other}: they overlap by {share}% of this plot and {other_share}% of {other}; probably the same plot under another number, check before handling</source>
      <translation>与 {other} 形状相同：重叠面积占本图斑的 {share}%、占 {other} 的 {other_share}%，疑似同一图斑另编号，请核实后处理</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="161" />
      <source>inside the ecological red line {area:.2f} 亩</source>
      <translation>位于生态保护红线内 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="108" />
      <source>is longer than the 254 bytes a DBF field holds</source>
      <translation>超过 DBF 字段 254 字节的长度上限</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="156" />
      <source>it cannot be corrected ({date}) before the 一下 came ({received})</source>
      <translation>更正日期（{date}）不能早于收到“一下”的日期（{received}）</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_imagery.py" line="63" />
      <source>it cannot be read as a georeferenced image</source>
      <translation>无法作为带坐标的影像读取</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="337" />
      <source>it cannot be rectified ({date}) before it was listed ({listed})</source>
      <translation>整改到位日期（{date}）不能早于列入日期（{listed}）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="108" />
      <source>it cannot be submitted ({value}) before the day it reports</source>
      <translation>报送时间（{value}）不能早于所报告的日期</translation>
    </message>
    <message>
      <location filename="../../layers/field_package_imagery.py" line="71" />
      <source>it does not cover the package's plots</source>
      <translation>影像未覆盖外业包中的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="111" />
      <source>it has no geometry</source>
      <translation>没有几何图形</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="124" />
      <source>it holds a {kind}, not a line</source>
      <translation>所含为 {kind}，不是线</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="152" />
      <source>it holds no line of two points or more</source>
      <translation>不含两个点以上的线</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="117" />
      <source>it holds no rows</source>
      <translation>其中没有数据行</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="82" />
      <source>it holds no track or route of two points or more</source>
      <translation>不含两个点以上的轨迹或路线</translation>
    </message>
    <message>
      <location filename="../../cases/field_package_read.py" line="83" />
      <source>it holds no {name} (or more than one)</source>
      <translation>其中没有 {name}（或不止一个）</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="39" />
      <source>it holds several layers ({layers}); choose the one to import</source>
      <translation>包含多个图层（{layers}），请选择要导入的图层</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="137" />
      <source>it is a device, not a file; it was not opened</source>
      <translation>这是设备，不是文件；未打开</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="133" />
      <source>it is a folder, not a file</source>
      <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="135" />
      <source>it is a pipe (FIFO), not a file; it was not opened</source>
      <translation>这是管道（FIFO），不是文件；未打开</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="139" />
      <source>it is a socket, not a file; it was not opened</source>
      <translation>这是套接字，不是文件；未打开</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="125" />
      <source>it is neither GPX nor GeoJSON</source>
      <translation>既不是 GPX 也不是 GeoJSON</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_batch.py" line="111" />
      <source>it is not a CSV or Excel table</source>
      <translation>不是 CSV 或 Excel 表格</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="193" />
      <source>it is not a JPEG or PNG image</source>
      <translation>不是 JPEG 或 PNG 图像</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="219" />
      <source>it is not a PDF, JPEG or PNG file</source>
      <translation>不是 PDF、JPEG 或 PNG 文件</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="115" />
      <source>it is not a SpatiaLite file</source>
      <translation>它不是 SpatiaLite 文件</translation>
    </message>
    <message>
      <location filename="../../cases/record_files.py" line="187" />
      <source>it is not a file of the kind {kind} ({allowed})</source>
      <translation>不是{kind}类文件（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="96" />
      <source>it is not a readable zip file; ask the issuer for a new copy</source>
      <translation>不是可读取的 zip 文件，请向下发单位索取新的副本</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="56" />
      <source>it is not a regular file (a pipe, device or socket) and was not opened; choose the batch's file itself</source>
      <translation>不是普通文件（管道、设备或套接字），未打开；请选择批次数据文件本身</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="141" />
      <source>it is not a regular file; it was not opened</source>
      <translation>不是普通文件；未打开</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="95" />
      <source>it is not an Excel workbook</source>
      <translation>不是 Excel 工作簿</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="200" />
      <source>it is not in UTF-8, the encoding GeoJSON must use (probably GBK or another legacy encoding); save it again as UTF-8 and import it</source>
      <translation>不是 GeoJSON 必须使用的 UTF-8 编码（可能是 GBK 等旧编码），请另存为 UTF-8 后再导入</translation>
    </message>
    <message>
      <location filename="../../cases/record_checks.py" line="142" />
      <source>it reaches {span} km from end to end, more than {reach} km, the furthest plausible for a plot; check the geometry, or raise the area limit</source>
      <translation>首尾跨度 {span} 千米，超过图斑可能的最大跨度 {reach} 千米，请核对几何图形，或调高面积上限</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="183" />
      <source>its .dbf (the attribute table with 监测编号) is missing; copy the .dbf of the same name beside the .shp and import again</source>
      <translation>缺少 .dbf 文件（含监测编号的属性表），请将同名 .dbf 复制到 .shp 旁后重新导入</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="129" />
      <source>its .dbf (the attribute table) is damaged: {detail}; ask the issuer for a new copy</source>
      <translation>.dbf 文件（属性表）已损坏：{detail}；请向下发单位索取新的副本</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="146" />
      <source>its CRS EPSG:{source_srid} is not the server's EPSG:{server_srid}</source>
      <translation>其坐标系 EPSG:{source_srid} 与服务器的 EPSG:{server_srid} 不同</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="140" />
      <source>its CRS {crs} is neither longitude/latitude nor the database's EPSG:{srid}</source>
      <translation>其坐标系 {crs} 既不是经纬度，也不是数据库的 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="317" />
      <source>its GPS position could not be transformed to EPSG:{srid}</source>
      <translation>其 GPS 位置无法转换到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../cases/record_checks.py" line="128" />
      <source>its area cannot be computed; correct the geometry in the source</source>
      <translation>面积无法计算，请在源数据中更正几何图形</translation>
    </message>
    <message>
      <location filename="../../cases/record_checks.py" line="131" />
      <source>its area {area} km² is larger than {limit} km², the largest plausible for a plot; check the CRS and units of the source, or raise the limit</source>
      <translation>面积 {area} 平方千米，超过图斑面积上限 {limit} 平方千米，请核对源数据的坐标系和单位，或调高上限</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="186" />
      <source>its coordinates cannot be transformed into the database's CRS</source>
      <translation>坐标无法转换到案件库的坐标系</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="92" />
      <source>its coordinates lie beyond the database's zone {zone}</source>
      <translation>坐标超出案件库分带 {zone} 的范围</translation>
    </message>
    <message>
      <location filename="../../cases/store_plots.py" line="113" />
      <source>its coordinates lie outside the database's CRS (EPSG:{srid})</source>
      <translation>其坐标超出本数据库坐标系（EPSG:{srid}）的范围</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="130" />
      <source>its first row lacks the columns {columns}</source>
      <translation>首行缺少列：{columns}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="111" />
      <source>its geometry could not be reprojected to EPSG:{srid}</source>
      <translation>其几何图形无法转换到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="122" />
      <source>its geometry is not an area (polygon)</source>
      <translation>其几何图形不是面（多边形）</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="79" />
      <source>its text is neither UTF-8 nor GB18030</source>
      <translation>其文字既非 UTF-8 也非 GB18030 编码</translation>
    </message>
    <message>
      <location filename="../../cases/field_package_read.py" line="89" />
      <source>its {name} lacks the package's tables or cannot be read</source>
      <translation>其中的 {name} 缺少数据包的表或无法读取</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="32" />
      <source>kind not given</source>
      <translation>未注明类别</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="109" />
      <source>lies at {span}, outside {band}, the reach of the database's zone {zone}; imported as allowed; it fits {fitting}</source>
      <translation>位于 {span}，超出案件库分带 {zone} 的接受范围 {band}，已按允许跨带导入；适用的分带为 {fitting}</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="122" />
      <source>lies at {span}, outside {band}, the reach of the database's zone {zone}; it fits {fitting}</source>
      <translation>位于 {span}，超出案件库分带 {zone} 的接受范围 {band}，未导入；适用的分带为 {fitting}</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="38" />
      <source>locked row {table} #{row_id} of round {round} is missing (deleted)</source>
      <translation>已锁定轮次 {round} 的记录 {table} #{row_id} 缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="34" />
      <source>locked row {table} #{row_id} of round {round} was changed: {fields}</source>
      <translation>已锁定轮次 {round} 的记录 {table} #{row_id} 被修改：{fields}</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="69" />
      <source>locked {at}</source>
      <translation>已于 {at} 锁定</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="86" />
      <source>made</source>
      <translation>已生成</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="26" />
      <source>misses: {rules}</source>
      <translation>不符合：{rules}</translation>
    </message>
    <message>
      <location filename="../../cases/record_refs.py" line="29" />
      <source>name either the plot (监测编号) or the clue (线索编号) it is about</source>
      <translation>请填写所涉图斑的监测编号或线索编号（二者填一）</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="86" />
      <source>name the case (监测编号) or the township it is about</source>
      <translation>请填写所涉案件（监测编号）或乡镇</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="141" />
      <source>no approval (批准文号) covers the plot</source>
      <translation>图斑未被任何批准用地（批准文号）覆盖</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="270" />
      <source>no name of the field {name} maps to a land-use code: map them (name_to_code) or choose the code field</source>
      <translation>字段 {name} 中没有可对应地类编码的地类名称：请填写对应关系（name_to_code）或选择地类编码字段</translation>
    </message>
    <message>
      <location filename="../../cases/field_mapping.py" line="171" />
      <source>no source field is mapped to jcbh (监测编号)</source>
      <translation>没有源数据字段对应 jcbh（监测编号）</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="155" />
      <source>no 监测编号</source>
      <translation>缺少监测编号</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="181" />
      <source>not a layer role; the roles are {roles}</source>
      <translation>不是有效的图层类别，可用类别：{roles}</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="200" />
      <source>not a polygon but a {kind}</source>
      <translation>不是面要素，而是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="371" />
      <source>not a role this version knows</source>
      <translation>本版本不支持该图层类别</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="105" />
      <source>not closed out (the case is {status})</source>
      <translation>尚未销号（案件状态为{status}）</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="350" />
      <source>not said</source>
      <translation>未注明</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="48" />
      <source>not yet</source>
      <translation>尚未</translation>
    </message>
    <message>
      <location filename="../../cases/move_archive.py" line="70" />
      <source>nothing of this file is archived in the database</source>
      <translation>数据库中没有该文件的归档</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="157" />
      <source>occupies 永久基本农田 {area:.2f} 亩</source>
      <translation>占用永久基本农田 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="154" />
      <source>occupies 耕地 {area:.2f} 亩</source>
      <translation>占用耕地 {area:.2f} 亩</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="110" />
      <source>only .xlsx and .csv files are read</source>
      <translation>只能读取 .xlsx 和 .csv 文件</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="90" />
      <source>only a closed-out case (已销号) becomes a post-closure patrol point (the case is {status})</source>
      <translation>只有已销号的案件才能转为事后巡查点位（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="42" />
      <source>only a 违法 determination leads to a filed or referred case; the current determination is {category}</source>
      <translation>只有判定为违法的才能立案或移交；当前判定为{category}</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="173" />
      <source>only the database's owner may move a file into it</source>
      <translation>只有该数据库的所有者才能将文件迁移进来</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="108" />
      <source>overdue {days}</source>
      <translation>超期 {days} 天</translation>
    </message>
    <message>
      <location filename="../../cases/plot_overlaps.py" line="64" />
      <source>overlaps {other} by {share}% of the smaller plot; check before handling</source>
      <translation>与 {other} 重叠，占较小图斑面积的 {share}%，请核实后处理</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="54" />
      <source>overlay and plot areas</source>
      <translation>叠加分析和图斑面积</translation>
    </message>
    <message>
      <location filename="../../plugin/dependencies.py" line="63" />
      <source>photo EXIF</source>
      <translation>照片 EXIF 信息</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="68" />
      <source>post-closure visits follow the close-out (销号); the case is {status}</source>
      <translation>事后巡查在销号之后进行；案件状态为{status}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="21" />
      <source>read-only (督查, 纪委)</source>
      <translation>只读（督查、纪委）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="65" />
      <source>record the field verification before the legality determination (the case is {status})</source>
      <translation>请先录入外业核查，再进行合法性判定（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="68" />
      <source>record the legality determination first (the case is {status})</source>
      <translation>请先录入合法性判定（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="410" />
      <source>registered meanwhile by another import; not imported again</source>
      <translation>导入期间已由另一次导入登记，未重复导入</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="144" />
      <source>removed</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="104" />
      <source>repeats row {first}</source>
      <translation>与第 {first} 行重复</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="170" />
      <source>repeats row {first} of the source</source>
      <translation>与源数据第 {first} 行重复</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="100" />
      <source>reported at</source>
      <translation>报告时间</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="71" />
      <source>root hash {root}</source>
      <translation>根哈希 {root}</translation>
    </message>
    <message>
      <location filename="../../cases/move_rounds.py" line="29" />
      <source>round {round} holds none of the moved cases</source>
      <translation>报送轮次 {round} 不含本次迁移的案件</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="50" />
      <source>round {round} is locked but has no seal: it was locked by another program</source>
      <translation>轮次 {round} 已锁定但没有封存值：由其他程序锁定</translation>
    </message>
    <message>
      <location filename="../../cases/submission_table.py" line="138" />
      <source>round {round} is not a submission: only 一上 and 二上 are exported</source>
      <translation>报送轮次 {round} 不是一上或二上，只能导出一上和二上的成果</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="42" />
      <source>row {table} #{row_id} was added to locked round {round} after it was locked</source>
      <translation>记录 {table} #{row_id} 是在轮次 {round} 锁定后加入的</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="142" />
      <source>say what was corrected</source>
      <translation>请说明更正内容</translation>
    </message>
    <message>
      <location filename="../../cases/clue_outline.py" line="36" />
      <source>say where the clue came from ({allowed}): it was not found by a patrol</source>
      <translation>请注明线索来源（{allowed}）：该线索并非巡查发现</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="273" />
      <source>shape {row} of the .shp has no record in the .dbf (the .shp holds {shapes} shapes, the .dbf {records} records): it has no 监测编号 and was not imported; ask the issuer for the complete .dbf</source>
      <translation>.shp 中第 {row} 个图形在 .dbf 中没有对应记录（.shp 有 {shapes} 个图形，.dbf 只有 {records} 条记录）：无监测编号，未导入；请向下发单位索取完整的 .dbf</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="63" />
      <source>some overlaps could not be computed; check the plot</source>
      <translation>部分叠加面积无法计算，请检查图斑</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="84" />
      <source>start the rectification before recording a re-inspection (the case is {status})</source>
      <translation>请先开始整改，再录入复核结果（案件当前状态：{status}）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="19" />
      <source>station (the townships of SCOPE)</source>
      <translation>所站（SCOPE 中的乡镇）</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_forms.py" line="91" />
      <source>stopped at</source>
      <translation>制止时间</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="18" />
      <source>table {table} is missing</source>
      <translation>数据表 {table} 缺失</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="13" />
      <source>taken in the date window</source>
      <translation>拍摄时间在期限内</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="118" />
      <source>temporary land use covers {share:.1%} of the plot</source>
      <translation>临时用地覆盖图斑的 {share:.1%}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="102" />
      <source>the CRS given</source>
      <translation>指定的坐标系</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="78" />
      <source>the CRS recorded in the database (EPSG:{srid}) differs from {table}'s (EPSG:{found})</source>
      <translation>数据库记录的坐标系（EPSG:{srid}）与 {table} 的坐标系（EPSG:{found}）不一致</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="182" />
      <source>the GPX file is damaged (not well-formed XML)</source>
      <translation>GPX 文件已损坏（XML 格式不正确）</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="245" />
      <source>the PDF has no page</source>
      <translation>PDF 没有页面</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="242" />
      <source>the PDF is damaged and cannot be read</source>
      <translation>PDF 已损坏，无法读取</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="235" />
      <source>the PDF is encrypted and cannot be bound</source>
      <translation>PDF 已加密，无法装订</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="138" />
      <source>the WKT geometry cannot be read</source>
      <translation>无法读取 WKT 图形</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="140" />
      <source>the WKT geometry is empty</source>
      <translation>WKT 图形为空</translation>
    </message>
    <message>
      <location filename="../../cases/transfers.py" line="103" />
      <source>the acceptance date ({value}) is not a date on or after the transfer</source>
      <translation>受理日期（{value}）不是移送当日或之后的日期</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="74" />
      <source>the approval has no approval number (批准文号)</source>
      <translation>批准用地缺少批准文号</translation>
    </message>
    <message>
      <location filename="../../cases/move_archive.py" line="66" />
      <source>the archived seal of round {round} no longer matches its rows</source>
      <translation>报送轮次 {round} 的归档封存与其记录不再相符</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="67" />
      <source>the audit log ends at row {last_id}, but row {row_id} was sealed before (checkpoint {source}): rows at its end were deleted</source>
      <translation>审计日志止于第 {last_id} 条，但第 {row_id} 条此前已封存（检查点：{source}）：日志末尾的记录已被删除</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="65" />
      <source>the campaign ends before it starts</source>
      <translation>行动结束日期早于开始日期</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="56" />
      <source>the campaign needs a name</source>
      <translation>行动须有名称</translation>
    </message>
    <message>
      <location filename="../../cases/stats_seeds.py" line="144" />
      <source>the campaign's planned quantity must be more than 0 m² (got {value})</source>
      <translation>三年行动计划整治量必须大于 0 平方米（填写的是 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="182" />
      <source>the case already has a close-out record</source>
      <translation>该案件已有销号记录</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="154" />
      <source>the case has no close-out record</source>
      <translation>该案件没有销号记录</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="229" />
      <source>the case was changed in the office after the package was made</source>
      <translation>数据包生成后该案件在内业被修改过</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="151" />
      <source>the city's 一下 of this month did not question it</source>
      <translation>市级当月“一下”未反馈该图斑</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="173" />
      <source>the close-out date is missing</source>
      <translation>未填写销号日期</translation>
    </message>
    <message>
      <location filename="../../cases/clue_outline.py" line="89" />
      <source>the clue is already outlined as plot {jcbh}</source>
      <translation>该线索已勾绘为图斑 {jcbh}</translation>
    </message>
    <message>
      <location filename="../../cases/clue_outline.py" line="43" />
      <source>the clue source {value} is not one of {allowed}</source>
      <translation>线索来源 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/clue_outline.py" line="93" />
      <source>the clue was closed on {date}</source>
      <translation>该线索已于 {date} 关闭</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="176" />
      <source>the code appears twice in the file</source>
      <translation>该编号在文件中出现两次</translation>
    </message>
    <message>
      <location filename="../../cases/reply_import.py" line="39" />
      <source>the columns {value} are missing</source>
      <translation>缺少列：{value}</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="102" />
      <source>the comment (意见) on {jcbh} is missing</source>
      <translation>缺少对 {jcbh} 的意见</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="91" />
      <source>the construction date {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)</source>
      <translation>建设时间 {value} 不是有效日期（YYYY、YYYY-MM 或 YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="273" />
      <source>the copy in {folder} could not be written ({detail})</source>
      <translation>无法在 {folder} 中写入副本（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="63" />
      <source>the date it was issued ({value}) is not a date</source>
      <translation>下发日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="65" />
      <source>the date it was issued is missing</source>
      <translation>缺少下发日期</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="106" />
      <source>the date it was resolved ({value}) is before it was issued</source>
      <translation>办结日期（{value}）早于下发日期</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="98" />
      <source>the date it was resolved ({value}) is not a date</source>
      <translation>办结日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="191" />
      <source>the date it was sent ({value}) is not a date</source>
      <translation>发出日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="353" />
      <source>the date of the approval is missing</source>
      <translation>缺少批准日期</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="140" />
      <source>the date of the correction is missing</source>
      <translation>缺少更正日期</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="333" />
      <source>the date of the rectification is missing</source>
      <translation>缺少整改到位日期</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="222" />
      <source>the date of the visit is missing</source>
      <translation>缺少巡查日期</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="357" />
      <source>the date received '{value}' is not a date; give it as YYYY-MM-DD. Nothing was imported.</source>
      <translation>接收日期“{value}”不是日期，请按 YYYY-MM-DD 填写。未导入任何图斑。</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="75" />
      <source>the date the task list was made is missing</source>
      <translation>未填写任务清单制定日期</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="88" />
      <source>the date the 一下 was received is missing</source>
      <translation>缺少收到“一下”的日期</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="184" />
      <source>the date {value} is not a date (YYYY-MM-DD)</source>
      <translation>{value} 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="142" />
      <source>the days between visits must be a whole number above 0</source>
      <translation>巡查间隔天数应为大于 0 的整数</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="101" />
      <source>the deadline must be a whole number of days above 0</source>
      <translation>期限须为大于0的整数天</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="149" />
      <source>the decision date is missing</source>
      <translation>未填写判定日期</translation>
    </message>
    <message>
      <location filename="../../layers/crs_choice.py" line="58" />
      <source>the default zone, because the centre of {what} ({longitude}) is not over China</source>
      <translation>默认分带，因为{what}的中心（{longitude}）不在中国境内</translation>
    </message>
    <message>
      <location filename="../../layers/crs_choice.py" line="51" />
      <source>the default zone, because {what} cannot be placed on the earth</source>
      <translation>默认分带，因为{what}无法定位到地球上</translation>
    </message>
    <message>
      <location filename="../../layers/crs_choice.py" line="41" />
      <source>the default zone, because {what} is empty</source>
      <translation>默认分带，因为{what}为空</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="109" />
      <source>the default zone: no CRS, extent or project was given</source>
      <translation>默认分带：未指定坐标系、范围，也没有工程</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="192" />
      <source>the description (问题描述) is missing</source>
      <translation>缺少问题描述</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_states.py" line="73" />
      <source>the determination cannot be revised once the case is {status}</source>
      <translation>案件状态为 {status}，不能再修改判定结果</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="215" />
      <source>the determination category {value} is not one of {allowed}</source>
      <translation>判定类别 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/photo_rules.py" line="128" />
      <source>the distance must be above 0 m and the angle between 0° and 180°</source>
      <translation>距离须大于 0 米，角度须在 0° 至 180° 之间</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="71" />
      <source>the due date ({value}) is before the date it was issued</source>
      <translation>期限（{value}）早于下发日期</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="68" />
      <source>the due date ({value}) is not a date</source>
      <translation>期限（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="352" />
      <source>the extended date is missing</source>
      <translation>缺少延期日期</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="106" />
      <source>the extent given</source>
      <translation>指定的范围</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="309" />
      <source>the field record's visit {value} is not 核查, 复核 or 事后巡查</source>
      <translation>外业记录的外业类型 {value} 不是核查、复核或事后巡查</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="114" />
      <source>the file cannot be opened</source>
      <translation>无法打开该文件</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="52" />
      <source>the file cannot be read; check its permissions</source>
      <translation>无法读取该文件，请检查文件权限</translation>
    </message>
    <message>
      <location filename="../../cases/photo_storage.py" line="79" />
      <source>the file changed while it was being attached</source>
      <translation>添加过程中文件发生了变化</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="197" />
      <source>the file could not be read ({detail})</source>
      <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="50" />
      <source>the file does not exist</source>
      <translation>文件不存在</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="190" />
      <source>the file is empty</source>
      <translation>文件为空</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="170" />
      <source>the file is too large for a route</source>
      <translation>文件过大，不是轨迹</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="165" />
      <source>the file {path} does not exist</source>
      <translation>文件 {path} 不存在</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="65" />
      <source>the filing date is missing</source>
      <translation>未填写立案日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="63" />
      <source>the filing number (立案编号) is missing</source>
      <translation>未填写立案编号</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="74" />
      <source>the filing number {value} is already used by plot {other}</source>
      <translation>立案编号 {value} 已被图斑 {other} 使用</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="106" />
      <source>the folder could not be read ({detail})</source>
      <translation>无法读取文件夹（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="123" />
      <source>the folder holds no JPEG or PNG file</source>
      <translation>文件夹中没有 JPEG 或 PNG 文件</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="76" />
      <source>the folder holds no shapefile, GeoPackage or GeoJSON</source>
      <translation>文件夹中没有 Shapefile、GeoPackage 或 GeoJSON</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="248" />
      <source>the geometry cannot be read (a ring with fewer than four points, or a type that is not a polygon); correct it in the source</source>
      <translation>几何图形无法读取（环的顶点少于四个，或不是面类型），请在源数据中更正</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="216" />
      <source>the geometry cannot be read or repaired; correct it in the source</source>
      <translation>几何图形无法读取或修复，请在源数据中更正</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="221" />
      <source>the geometry has no area</source>
      <translation>几何图形面积为零</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="191" />
      <source>the geometry is empty</source>
      <translation>几何图形为空</translation>
    </message>
    <message>
      <location filename="../../cases/store_plots.py" line="102" />
      <source>the geometry is invalid ({detail})</source>
      <translation>几何图形无效（{detail}）</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="149" />
      <source>the geometry must be a polygon or a point, not a {kind}</source>
      <translation>图形须为面或点，不能是 {kind}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="102" />
      <source>the handling department is missing ({allowed})</source>
      <translation>未选择承办部门（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="103" />
      <source>the handling department {value} is not one of {allowed}</source>
      <translation>承办部门 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="247" />
      <source>the image data cannot be decoded (the file is damaged)</source>
      <translation>图像数据无法解码（文件已损坏）</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="216" />
      <source>the image data is truncated (the file is incomplete)</source>
      <translation>图像数据被截断（文件不完整）</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="216" />
      <source>the image is damaged and cannot be read</source>
      <translation>图片已损坏，无法读取</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="234" />
      <source>the image is too large to check (over {limit} megapixels)</source>
      <translation>图像过大，无法检查（超过 {limit} 百万像素）</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="191" />
      <source>the item number (序号) is missing</source>
      <translation>缺少序号</translation>
    </message>
    <message>
      <location filename="../../cases/record_files.py" line="167" />
      <source>the kind must be one of {allowed}, not {value}</source>
      <translation>类型应为 {allowed} 之一，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="126" />
      <source>the kind of clue must be 疑似违法 or 动工迹象, not {value}</source>
      <translation>线索类型应为“疑似违法”或“动工迹象”，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="111" />
      <source>the kind of document is missing (e.g. {allowed})</source>
      <translation>缺少材料类别（例如 {allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="89" />
      <source>the kind of report must be 日报 or 月报, not {value}</source>
      <translation>报告类型应为日报或月报，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="66" />
      <source>the kind of unit must be one of {allowed}, not {value}</source>
      <translation>单位类型应为 {allowed} 之一，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="146" />
      <source>the kind of unit {value} is not one of {allowed}</source>
      <translation>单位类型 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="61" />
      <source>the kind {value} is not one of {allowed}</source>
      <translation>类型 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="100" />
      <source>the land use under the plot is 1202 设施农用地</source>
      <translation>图斑所在地类为 1202 设施农用地</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="129" />
      <source>the later round {latest} already exists: rounds follow each other in order</source>
      <translation>已存在更晚的轮次 {latest}：轮次须按顺序生成</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="379" />
      <source>the layer cannot be opened</source>
      <translation>无法打开图层</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="187" />
      <source>the layer has no coordinate reference system; name the one it uses</source>
      <translation>图层没有坐标参考系，请指定其使用的坐标系</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="174" />
      <source>the layer has no field {name} (for {key})</source>
      <translation>图层中没有字段 {name}（用于 {key}）</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="59" />
      <source>the layer {name} has no coordinate reference system; set it in the layer properties, then assign the role again</source>
      <translation>图层 {name} 没有坐标参考系，请在图层属性中设置后重新指定图层类别</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="74" />
      <source>the layer {name} holds {kind}, not polygons</source>
      <translation>图层 {name} 的几何类型为{kind}，不是面</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="44" />
      <source>the layer {source} cannot be opened ({provider})</source>
      <translation>无法打开图层 {source}（{provider}）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="139" />
      <source>the level must be one of {allowed}</source>
      <translation>等级应为 {allowed} 之一</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="106" />
      <source>the level must be 高, 中 or 低, not {value}</source>
      <translation>等级应为高、中或低，而不是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="185" />
      <source>the list date (列入日期) is missing</source>
      <translation>缺少列入日期</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="188" />
      <source>the list date {value} is not a date</source>
      <translation>列入日期 {value} 不是日期</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="182" />
      <source>the list name (清单名称) is missing</source>
      <translation>缺少清单名称</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="59" />
      <source>the map's extent</source>
      <translation>地图的范围</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="70" />
      <source>the measure {value} is not one of {allowed}</source>
      <translation>整改措施 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="158" />
      <source>the method {value} is not one of {allowed}</source>
      <translation>制止方式 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="174" />
      <source>the name of who closed out is missing</source>
      <translation>未填写销号人</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="148" />
      <source>the name of who decided is missing</source>
      <translation>未填写判定人</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="127" />
      <source>the name of who re-inspected is missing</source>
      <translation>未填写复核人</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="223" />
      <source>the name of who visited is missing</source>
      <translation>缺少巡查人姓名</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="163" />
      <source>the notice date ({value}) is not a date</source>
      <translation>通知书日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="268" />
      <source>the notification was not sent to this recipient</source>
      <translation>该抄告未发给此接收单位</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="114" />
      <source>the number of findings must be a whole number</source>
      <translation>发现数应为整数</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="155" />
      <source>the number of persons ({value}) is not a whole number</source>
      <translation>制止人数（{value}）不是整数</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="152" />
      <source>the outline is not a valid polygon</source>
      <translation>范围不是有效的面</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="81" />
      <source>the patrol day ({value}) is not a date</source>
      <translation>巡查日期（{value}）不是日期</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="133" />
      <source>the patrol ends ({ended}) before it starts ({started})</source>
      <translation>巡查结束时间（{ended}）早于开始时间（{started}）</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="120" />
      <source>the patrollers (巡查人员) are missing</source>
      <translation>缺少巡查人员</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="68" />
      <source>the period must be a month written as YYYY-MM</source>
      <translation>月份须按 YYYY-MM 格式填写</translation>
    </message>
    <message>
      <location filename="../../cases/stats_periods.py" line="97" />
      <source>the period {value} is not a year (YYYY), a month (YYYY-MM), a quarter (YYYY-Q1 to YYYY-Q4), a year-end cut-off (YYYY-年末) or a date range (YYYY-MM-DD/YYYY-MM-DD, start before end)</source>
      <translation>统计期间 {value} 不是年份（YYYY）、月份（YYYY-MM）、季度（YYYY-Q1 至 YYYY-Q4）、年末（YYYY-年末）或日期范围（YYYY-MM-DD/YYYY-MM-DD，起始日期不晚于结束日期）</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="92" />
      <source>the period {value} is not a {shape}</source>
      <translation>期间 {value} 不是 {shape} 格式</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="143" />
      <source>the photo is not in the package's folder: merge again once it is there</source>
      <translation>照片不在数据包文件夹中：补齐后再次合并即可</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="142" />
      <source>the photo names a field record that is not in the package</source>
      <translation>照片所属的外业记录不在数据包中</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="326" />
      <source>the plan (整改计划) is empty</source>
      <translation>整改计划为空</translation>
    </message>
    <message>
      <location filename="../../cases/field_merge.py" line="144" />
      <source>the plot did not go out in this package</source>
      <translation>该图斑不在本数据包中</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="145" />
      <source>the plot lies on 1202 设施农用地 but no filing covers it</source>
      <translation>图斑位于 1202 设施农用地上，但无设施农用地备案覆盖</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="64" />
      <source>the point position is kept in the note: the 问题清单 holds outlines only</source>
      <translation>点位已记入备注：问题清单只存放范围</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_batch.py" line="144" />
      <source>the position {longitude}, {latitude} is not a number</source>
      <translation>位置 {longitude}, {latitude} 不是数字</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="97" />
      <source>the position {longitude}, {latitude} is not in China</source>
      <translation>位置 {longitude}, {latitude} 不在中国境内</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="111" />
      <source>the project's extent</source>
      <translation>工程的范围</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="124" />
      <source>the re-inspection date is missing</source>
      <translation>未填写复核日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="120" />
      <source>the re-inspection result is missing ({allowed})</source>
      <translation>未选择复核结果（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="121" />
      <source>the re-inspection result {value} is not one of {allowed}</source>
      <translation>复核结果 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="362" />
      <source>the reason of the extension (确因客观原因…) is missing</source>
      <translation>缺少延期理由（确因客观原因……）</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="123" />
      <source>the recipient's name is missing</source>
      <translation>缺少接收单位名称</translation>
    </message>
    <message>
      <location filename="../../cases/record_files.py" line="241" />
      <source>the record does not exist</source>
      <translation>记录不存在</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_rectification.py" line="63" />
      <source>the rectification needs at least one measure ({allowed})</source>
      <translation>整改须至少选择一项措施（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_guards.py" line="164" />
      <source>the rectified area {area} 亩 (拆除 {demolished}, 复耕 {restored}, 补办手续 {legalised} 亩; 整改面积 = max(拆除, 复耕) + 补办手续) is larger than the plot's area {plot} 亩</source>
      <translation>整改面积 {area} 亩（拆除 {demolished}、复耕 {restored}、补办手续 {legalised} 亩；整改面积 = 拆除与复耕中的较大者 + 补办手续）大于图斑面积 {plot} 亩</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_filing.py" line="105" />
      <source>the referral date is missing</source>
      <translation>未填写移交日期</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="278" />
      <source>the reply ({value}) is dated before the notification was sent ({sent})</source>
      <translation>回复日期（{value}）早于抄告发出日期（{sent}）</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="273" />
      <source>the reply date ({value}) is not a date</source>
      <translation>回复日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="229" />
      <source>the result of the visit must be one of {allowed}, not {value}</source>
      <translation>巡查结果须为 {allowed} 之一，不能是 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="167" />
      <source>the result {value} is not one of {allowed}</source>
      <translation>制止结果 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="229" />
      <source>the route could not be transformed to EPSG:{srid}</source>
      <translation>轨迹无法转换到 EPSG:{srid}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="216" />
      <source>the route is not a line</source>
      <translation>轨迹不是线</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_routes.py" line="200" />
      <source>the route lies outside China (longitude 73–136°, latitude 3–54°)</source>
      <translation>轨迹位于中国境外（经度 73–136°，纬度 3–54°）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="46" />
      <source>the seal of round {round} no longer matches its row seals (root hash {root})</source>
      <translation>轮次 {round} 的封存根哈希 {root} 与各记录的封存值不符</translation>
    </message>
    <message>
      <location filename="../../cases/move_rounds.py" line="28" />
      <source>the server already has a round {round} from elsewhere</source>
      <translation>服务器上已有来自其他数据库的报送轮次 {round}</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="60" />
      <source>the site status is missing ({allowed})</source>
      <translation>未选择现场状态（{allowed}）</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="61" />
      <source>the site status {value} is not one of {allowed}</source>
      <translation>现场状态 {value} 无效，应为：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="124" />
      <source>the source (来源) is missing</source>
      <translation>缺少来源</translation>
    </message>
    <message>
      <location filename="../../cases/field_mapping.py" line="165" />
      <source>the source has no field '{field}' (for {attribute})</source>
      <translation>源数据中没有字段“{field}”（用于 {attribute}）</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="128" />
      <source>the source {value} is not one of {allowed}</source>
      <translation>来源 {value} 不在 {allowed} 之中</translation>
    </message>
    <message>
      <location filename="../../cases/reply_import.py" line="30" />
      <source>the spreadsheet cannot be read: it is not an .xlsx or .csv file, or another program holds it open</source>
      <translation>无法读取表格：不是 .xlsx 或 .csv 文件，或正被其他程序打开</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="119" />
      <source>the stage must be one of 一上, 一下, 二上</source>
      <translation>阶段须为一上、一下、二上之一</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="62" />
      <source>the start and end of the campaign must be dates (YYYY-MM-DD)</source>
      <translation>行动的开始和结束须为日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="152" />
      <source>the stop ({value}) is dated before the find</source>
      <translation>制止时间（{value}）早于发现时间</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="232" />
      <source>the sub-type {value} is not one of the {category} sub-types: {allowed}</source>
      <translation>子类 {value} 不属于{category}的子类：{allowed}</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="187" />
      <source>the subject of the notification is missing</source>
      <translation>缺少抄告事由</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_batch.py" line="172" />
      <source>the table has no column {columns}</source>
      <translation>表格缺少列 {columns}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_batch.py" line="113" />
      <source>the table is empty</source>
      <translation>表格为空</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="123" />
      <source>the target is not a PostgreSQL database</source>
      <translation>目标不是 PostgreSQL 数据库</translation>
    </message>
    <message>
      <location filename="../../layers/role_layers.py" line="160" />
      <source>the temporary layer {source} is no longer in the project</source>
      <translation>临时图层 {source} 已不在工程中</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="146" />
      <source>the text of field {field} could not be decoded (it holds U+FFFD); choose the text encoding by hand and import again</source>
      <translation>字段 {field} 的文字无法解码（含 U+FFFD），请手动选择文字编码后重新导入</translation>
    </message>
    <message>
      <location filename="../../layers/source_reader.py" line="61" />
      <source>the text of its .dbf is in none of the encodings UTF-8, GBK, GB18030 or Big5; choose the text encoding by hand</source>
      <translation>.dbf 中的文字不属于 UTF-8、GBK、GB18030 或 Big5 中任何一种编码，请手动选择文字编码</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="121" />
      <source>the time it was found ({value}) is not a date</source>
      <translation>发现时间（{value}）不是日期</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="105" />
      <source>the time it was submitted ({value}) is not a date</source>
      <translation>报送时间（{value}）不是日期</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="139" />
      <source>the time of the find ({value}) is not a date</source>
      <translation>发现时间（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="141" />
      <source>the time of the find is missing</source>
      <translation>缺少发现时间</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="149" />
      <source>the time of the stop ({value}) is not a date</source>
      <translation>制止时间（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="172" />
      <source>the time of the written report ({value}) is not a date</source>
      <translation>书面报告时间（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="96" />
      <source>the time {value} is not a time</source>
      <translation>时间 {value} 不是时间</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="99" />
      <source>the time {value} is not on the patrol's day {day}</source>
      <translation>时间 {value} 不在巡查当日 {day}</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="116" />
      <source>the title (题名) is missing</source>
      <translation>缺少题名</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="163" />
      <source>the township head's reply starts the leader's clock; it keeps its name</source>
      <translation>牵头责任领导的期限自镇主要负责人批示（其回复）起算，该接收单位名称不可更改</translation>
    </message>
    <message>
      <location filename="../../cases/transfers.py" line="100" />
      <source>the transfer date ({value}) is not a date</source>
      <translation>移送日期（{value}）不是有效日期</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="63" />
      <source>the unit has no name</source>
      <translation>单位没有名称</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="144" />
      <source>the unit that stopped it is missing</source>
      <translation>缺少制止单位</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="171" />
      <source>the unit, patrol or case it names does not exist</source>
      <translation>所填的巡查单位、巡查记录或案件不存在</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="64" />
      <source>the verification date is missing</source>
      <translation>未填写核查日期</translation>
    </message>
    <message>
      <location filename="../../cases/workflow_determination.py" line="63" />
      <source>the verifier's name is missing</source>
      <translation>未填写核查人</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="134" />
      <source>the visits are due whole months after the close-out, 1 to {most}</source>
      <translation>巡查时间为销号后的整月数，1 至 {most}</translation>
    </message>
    <message>
      <location filename="../../cases/field_package_read.py" line="61" />
      <source>the zip file cannot be unpacked</source>
      <translation>zip 文件无法解压</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="104" />
      <source>the zip file holds no shapefile, GeoPackage or GeoJSON</source>
      <translation>压缩包中没有 Shapefile、GeoPackage 或 GeoJSON</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="145" />
      <source>the zone has no code (编号)</source>
      <translation>片区没有编号</translation>
    </message>
    <message>
      <location filename="../../layers/crs_choice.py" line="63" />
      <source>the zone of {what}, whose centre lies at {longitude}</source>
      <translation>{what}所在的分带，其中心位于 {longitude}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="263" />
      <source>the {role} role needs the field {key}</source>
      <translation>{role} 图层类别需要字段 {key}</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="253" />
      <source>the {role} role needs the field {key} (地类编码, e.g. DLBM), or the field {name_key} (地类名称, e.g. DLMC) to take the codes from the names</source>
      <translation>{role} 角色需要字段 {key}（地类编码，如 DLBM），或字段 {name_key}（地类名称，如 DLMC）以按名称对应编码</translation>
    </message>
    <message>
      <location filename="../../cases/stats_compute.py" line="68" />
      <source>the 新增建设用地占用耕地总面积 must be more than 0 m² (got {value})</source>
      <translation>新增建设用地占用耕地总面积须大于 0 平方米（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="98" />
      <source>the 监测编号 is missing</source>
      <translation>缺少监测编号</translation>
    </message>
    <message>
      <location filename="../../cases/stats_load.py" line="208" />
      <source>there is no batch {value}</source>
      <translation>不存在批次 {value}</translation>
    </message>
    <message>
      <location filename="../../cases/revisits.py" line="236" />
      <source>there is no campaign with the id {value}</source>
      <translation>没有编号为 {value} 的行动</translation>
    </message>
    <message>
      <location filename="../../cases/campaigns.py" line="149" />
      <source>there is no campaign with this id</source>
      <translation>没有此编号的行动</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="120" />
      <source>there is no case with id {case_id}</source>
      <translation>没有编号为 {case_id} 的案件</translation>
    </message>
    <message>
      <location filename="../../cases/record_refs.py" line="45" />
      <source>there is no clue with the code {value}</source>
      <translation>没有编号为 {value} 的线索</translation>
    </message>
    <message>
      <location filename="../../cases/clues.py" line="196" />
      <source>there is no clue with this code</source>
      <translation>没有此编号的线索</translation>
    </message>
    <message>
      <location filename="../../cases/clue_outline.py" line="82" />
      <source>there is no clue with this id</source>
      <translation>没有此编号（id）的线索</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="104" />
      <source>there is no escalation with this id</source>
      <translation>没有该编号的督办记录</translation>
    </message>
    <message>
      <location filename="../../cases/reply_import.py" line="58" />
      <source>there is no notification numbered {value}</source>
      <translation>没有文号为 {value} 的抄告</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="346" />
      <source>there is no notification with this id</source>
      <translation>没有该编号的抄告</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="230" />
      <source>there is no notification with this number (文号)</source>
      <translation>没有该文号的抄告</translation>
    </message>
    <message>
      <location filename="../../cases/patrols.py" line="261" />
      <source>there is no patrol with this id</source>
      <translation>不存在该编号的巡查</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="215" />
      <source>there is no patrol zone with this code</source>
      <translation>不存在该编号的巡查片区</translation>
    </message>
    <message>
      <location filename="../../cases/feedback.py" line="115" />
      <source>there is no plot with the 监测编号 {jcbh}</source>
      <translation>没有监测编号为 {jcbh} 的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="83" />
      <source>there is no plot with the 监测编号 {value}</source>
      <translation>没有监测编号为 {value} 的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="68" />
      <source>there is no plot with this id</source>
      <translation>不存在该 ID 的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="80" />
      <source>there is no plot with this 监测编号</source>
      <translation>没有此监测编号的图斑</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="154" />
      <source>there is no recipient of this name</source>
      <translation>没有该名称的接收单位</translation>
    </message>
    <message>
      <location filename="../../cases/stops.py" line="296" />
      <source>there is no stop action with this id</source>
      <translation>没有该编号的制止记录</translation>
    </message>
    <message>
      <location filename="../../cases/submission_table.py" line="211" />
      <source>there is no submission round of this name</source>
      <translation>不存在该名称的报送轮次</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="193" />
      <source>there is no submission round with this id</source>
      <translation>不存在该 ID 的报送轮次</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="290" />
      <source>there is no such item</source>
      <translation>没有此问题</translation>
    </message>
    <message>
      <location filename="../../cases/transfers.py" line="131" />
      <source>there is no transfer with this id</source>
      <translation>没有该编号的移送记录</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="137" />
      <source>there is no unit named {unit}; register it first</source>
      <translation>没有名为 {unit} 的单位，请先登记</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="114" />
      <source>there is no unit with this id</source>
      <translation>不存在该编号的单位</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_units.py" line="125" />
      <source>there is no unit with this name</source>
      <translation>不存在该名称的单位</translation>
    </message>
    <message>
      <location filename="../../cases/audit_chain.py" line="188" />
      <source>this case database has no audit hash chain</source>
      <translation>本案件库没有审计哈希链</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="127" />
      <source>this recipient is already in the list</source>
      <translation>该接收单位已在名单中</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_reports.py" line="125" />
      <source>this report was submitted already</source>
      <translation>该报告已报送</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="67" />
      <source>this role needs a raster layer (an image)</source>
      <translation>该图层类别需要栅格图层（影像）</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="70" />
      <source>this role needs a vector layer of polygons</source>
      <translation>该图层类别需要面状矢量图层</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="122" />
      <source>this round already exists</source>
      <translation>该轮次已存在</translation>
    </message>
    <message>
      <location filename="../../cases/stop_documents.py" line="89" />
      <source>this stop action was not recorded with a numbered notice</source>
      <translation>该次制止未登记带文号的通知书</translation>
    </message>
    <message>
      <location filename="../../cases/photos.py" line="277" />
      <source>this verification does not belong to the plot's case</source>
      <translation>该核查记录不属于此图斑的案件</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="22" />
      <source>trigger {trigger} on {table} is missing (it was dropped)</source>
      <translation>数据表 {table} 的触发器 {trigger} 缺失（已被删除）</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="26" />
      <source>trigger {trigger} on {table} was changed</source>
      <translation>数据表 {table} 的触发器 {trigger} 已被改动</translation>
    </message>
    <message>
      <location filename="../../cases/finding.py" line="30" />
      <source>trigger {trigger} on {table} was not written by LandCase</source>
      <translation>数据表 {table} 的触发器 {trigger} 不是 LandCase 建立的</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="16" />
      <source>unchanged since stored</source>
      <translation>入库后文件未改动</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="86" />
      <source>up to date</source>
      <translation>无需更新</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="363" />
      <source>who approved the extension is missing</source>
      <translation>缺少延期批准人</translation>
    </message>
    <message>
      <location filename="../../cases/escalations.py" line="67" />
      <source>who issued it is missing</source>
      <translation>缺少下发机关</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="14" />
      <source>within {metres:g} m</source>
      <translation>距图斑 {metres:g} 米内</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="89" />
      <source>{added} items added, {already} already in the ledger, {rejected} rows left out.</source>
      <translation>新增 {added} 项问题，台账中已有 {already} 项，{rejected} 行未录入。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="145" />
      <source>{added} plots added, {already} already questioned, {rejected} rows left out; {open} of the month not corrected.</source>
      <translation>新增 {added} 个图斑，已反馈过 {already} 个，{rejected} 行未录入；当月尚有 {open} 个未更正。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="123" />
      <source>{added} zones added, {updated} updated, {rejected} rows rejected.</source>
      <translation>新增片区 {added} 个，更新 {updated} 个，拒绝 {rejected} 行。</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="274" />
      <source>{category} ({subtype}) needs the basis of the determination</source>
      <translation>{category}（{subtype}）须填写判定依据</translation>
    </message>
    <message>
      <location filename="../../forms/rounds_dialog.py" line="151" />
      <source>{count} cases differ between {a} and {b}.</source>
      <translation>{a} 与 {b} 之间有 {count} 个案件存在差异。</translation>
    </message>
    <message>
      <location filename="../../cases/photo_check.py" line="56" />
      <source>{count} files were not attached, so none of the batch was stored:
{files}</source>
      <translation>{count} 个文件未能添加，本批照片均未保存：
{files}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/overlay.py" line="122" />
      <source>{count} findings {code} (see the plots' overlay)</source>
      <translation>{code}：{count} 项待核实（见图斑的叠加分析结果）</translation>
    </message>
    <message>
      <location filename="../../forms/findings_dialog.py" line="30" />
      <source>{count} findings: the case database is no longer as LandCase left it.</source>
      <translation>发现 {count} 个问题：案件数据库已不是 LandCase 写入时的状态。</translation>
    </message>
    <message>
      <location filename="../../plugin/session.py" line="198" />
      <source>{count} findings: {first}</source>
      <translation>发现 {count} 个问题：{first}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/set_layer_role.py" line="107" />
      <source>{count} land-use names map to no code and are left without one (their areas count as unknown land use): {names}</source>
      <translation>{count} 个地类名称未能对应地类编码，不赋编码（其面积计为未知地类）：{names}</translation>
    </message>
    <message>
      <location filename="../../forms/roles_dialog.py" line="126" />
      <source>{count} names map to no code; enter a code or they are stored without one: {names}</source>
      <translation>{count} 个地类名称未能对应编码；请填写编码，否则保存时不赋编码：{names}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="373" />
      <source>{count} need checking (no position or time, or far from the plot).</source>
      <translation>{count} 张需核实（无位置或时间，或距图斑较远）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="164" />
      <source>{count} of the {total} plots of the database are not counted: registered outside {period} (batch received date, patrol find date, else registration date) or in another batch than {batch}.</source>
      <translation>数据库 {total} 个图斑中有 {count} 个未计入按登记统计的各表：其登记日期（批次接收日期，巡查发现日期，否则登记日期）不在{period}内，或不属于批次 {batch}（本期办理情况按发生日期另计）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="170" />
      <source>{count} of the {total} plots of the database are not counted: registered outside {period} (batch received date, patrol find date, else registration date).</source>
      <translation>数据库 {total} 个图斑中有 {count} 个未计入按登记统计的各表：其登记日期（批次接收日期，巡查发现日期，否则登记日期）不在{period}内（本期办理情况按发生日期另计）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="72" />
      <source>{count} of the {total} plots of the database left out by the filter {filter}.</source>
      <translation>数据库 {total} 个图斑中有 {count} 个被筛选条件 {filter} 排除。</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="133" />
      <source>{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, and were imported because plots from another zone were allowed; they fit {fitting}.</source>
      <translation>{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}，因已允许跨带而导入；适用的分带为 {fitting}。</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="144" />
      <source>{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}, and were not imported; they fit {fitting}. Allow plots from another zone to import them.</source>
      <translation>{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}，未导入；适用的分带为 {fitting}。如确属本库，请选择允许导入其他分带的图斑。</translation>
    </message>
    <message>
      <location filename="../../cases/placing.py" line="138" />
      <source>{count} of {rows} plots lie outside {band}, the reach of the database's zone {zone}; those that can be placed in it were imported because plots from another zone were allowed; they fit {fitting}.</source>
      <translation>{rows} 个图斑中有 {count} 个超出案件库分带 {zone} 的接受范围 {band}；因已允许跨带，其中能在本分带表示的已导入；适用的分带为 {fitting}。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="295" />
      <source>{count} overdue</source>
      <translation>超期 {count} 个</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="365" />
      <source>{count} photos attached.</source>
      <translation>已添加 {count} 张照片。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="289" />
      <source>{count} plots</source>
      <translation>共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/print_documents.py" line="69" />
      <source>{count} plots selected.</source>
      <translation>已选中 {count} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="268" />
      <source>{count} plots written to {folder}</source>
      <translation>已将 {count} 个图斑写入 {folder}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="205" />
      <source>{count} replies recorded from {path}</source>
      <translation>已从 {path} 录入 {count} 条回复</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="109" />
      <source>{count} rules broken in {period}; the list: {path}</source>
      <translation>{period} 共有追责情形 {count} 条；清单：{path}</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="368" />
      <source>{count} were attached already.</source>
      <translation>{count} 张此前已添加。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/create_database.py" line="98" />
      <source>{crs} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554).</source>
      <translation>{crs} 不是 CGCS2000 3 度带高斯-克吕格投影坐标系（EPSG:4513 至 EPSG:4554）。</translation>
    </message>
    <message>
      <location filename="../../forms/enforcement_tab.py" line="197" />
      <source>{date} to {receiver} {number}, accepted {accepted}</source>
      <translation>{date} 移送{receiver} {number}，受理 {accepted}</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="278" />
      <source>{field} '{value}' is not a date; write it as YYYY-MM-DD in the source and import it again</source>
      <translation>{field}“{value}”不是日期，请在源数据中按 YYYY-MM-DD 填写后重新导入</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="110" />
      <source>{files} files copied; {rows} audit rows and {seals} round seals of the file archived.</source>
      <translation>已复制 {files} 个文件；已归档该文件的 {rows} 条审计记录和 {seals} 个轮次封存。</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="47" />
      <source>{file}, row {row}: {reason}</source>
      <translation>{file} 第 {row} 行：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="156" />
      <source>{incomplete} of {cases} cases lack materials; the list: {path}</source>
      <translation>{cases} 个案件中有 {incomplete} 个缺少材料；清单：{path}</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="52" />
      <source>{jcbh}: the server already has this 监测编号 from another database</source>
      <translation>{jcbh}：服务器上已有该监测编号（来自其他数据库）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="241" />
      <source>{key} is not a field of the {role} role (its fields: {known})</source>
      <translation>{key} 不是 {role} 图层类别的字段（可用字段：{known}）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="291" />
      <source>{key} must be one of {allowed} (got {value})</source>
      <translation>{key} 应为 {allowed} 之一（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/photo_rules.py" line="133" />
      <source>{kinds} is not a kind of photo</source>
      <translation>{kinds} 不是照片类别</translation>
    </message>
    <message>
      <location filename="../../forms/plot_table_model.py" line="109" />
      <source>{kind} deadline: {date}</source>
      <translation>{kind}期限：{date}</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="131" />
      <source>{kind}, open</source>
      <translation>{kind}（未处置）</translation>
    </message>
    <message>
      <location filename="../../layers/patrol_layers.py" line="131" />
      <source>{kind}, outlined or closed</source>
      <translation>{kind}（已勾绘或已关闭）</translation>
    </message>
    <message>
      <location filename="../../forms/photo_rule_words.py" line="33" />
      <source>{kind}; {results}</source>
      <translation>{kind}；{results}</translation>
    </message>
    <message>
      <location filename="../../forms/zone_form.py" line="34" />
      <source>{level} (a visit every {days} days)</source>
      <translation>{level}（每 {days} 天巡查一次）</translation>
    </message>
    <message>
      <location filename="../../plugin/case_work.py" line="156" />
      <source>{made} documents made, {kept} already up to date, in {folder}.</source>
      <translation>已在 {folder} 中生成 {made} 份文书，{kept} 份无需更新。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/move_to_postgis.py" line="90" />
      <source>{moved} plots moved; {already} moved by an earlier run; {outside} outside the township.</source>
      <translation>已迁移 {moved} 个图斑；{already} 个已由此前的运行迁移；{outside} 个不属于所选乡镇。</translation>
    </message>
    <message>
      <location filename="../../forms/plot_form.py" line="54" />
      <source>{mu} mu ({m2} m², ellipsoidal)</source>
      <translation>{mu} 亩（椭球面积 {m2} 平方米）</translation>
    </message>
    <message>
      <location filename="../../cases/overlay_roles.py" line="283" />
      <source>{name} is mapped to {code}, which is not a 三调 land-use code</source>
      <translation>{name} 对应的 {code} 不是三调地类编码</translation>
    </message>
    <message>
      <location filename="../../forms/attachment_dialog.py" line="92" />
      <source>{name} is not a PDF, JPEG or PNG file.</source>
      <translation>{name} 不是 PDF、JPEG 或 PNG 文件。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/accountability_algorithms.py" line="167" />
      <source>{notices} stop notices and {sheets} notification sheets printed to {path}</source>
      <translation>已在 {path} 打印通知书 {notices} 份、抄告单 {sheets} 份</translation>
    </message>
    <message>
      <location filename="../../forms/new_database_dialog.py" line="77" />
      <source>{path} already exists. Replace it? Everything in it will be lost.</source>
      <translation>{path} 已存在。是否替换？其中的全部数据将丢失。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="74" />
      <source>{path} already exists; it was not overwritten.</source>
      <translation>{path} 已存在，未被覆盖。</translation>
    </message>
    <message>
      <location filename="../../cases/store_pg.py" line="24" />
      <source>{path} already holds tables that are not a LandCase case database: create the case database in an empty PostgreSQL database.</source>
      <translation>{path} 中已有不属于 LandCase 案件数据库的表：请在空的 PostgreSQL 数据库中创建案件数据库。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/case_materials.py" line="96" />
      <source>{path} attached to plot {jcbh} as {kind} ({pages} pages).</source>
      <translation>{path} 已作为{kind}附加到图斑 {jcbh}（{pages} 页）。</translation>
    </message>
    <message>
      <location filename="../../cases/sheet_rows.py" line="28" />
      <source>{path} cannot be read as a spreadsheet: {reason}</source>
      <translation>{path} 无法作为表格读取：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/verification_findings.py" line="37" />
      <source>{path} cannot be read to the end: the file is damaged. Restore it from a copy; the verification cannot tell what changed.</source>
      <translation>{path} 无法完整读取：文件已损坏。请从备份恢复；核验无法判断改动了什么。</translation>
    </message>
    <message>
      <location filename="../../cases/intake.py" line="322" />
      <source>{path} could not be read or written: the case database file is damaged or is not a whole case database. Nothing of this batch was stored. Restore the file from a backup (or ask the administrator to repair it) and import the batch again.</source>
      <translation>无法读写 {path}：案件库文件已损坏或不完整。本批次未保存任何内容。请从备份恢复该文件（或请管理员修复）后重新导入本批次。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dialog.py" line="213" />
      <source>{path} could not be read.</source>
      <translation>无法读取 {path}。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="71" />
      <source>{path} does not exist.</source>
      <translation>{path} 不存在。</translation>
    </message>
    <message>
      <location filename="../../cases/pg_roles.py" line="245" />
      <source>{path} has no LandCase group roles yet: whoever made the case database had no right to create roles; a user with CREATEROLE runs this once to make them.</source>
      <translation>{path} 尚无 LandCase 组角色：创建案件数据库的用户无权创建角色；请由具有 CREATEROLE 权限的用户运行一次以创建。</translation>
    </message>
    <message>
      <location filename="../../cases/store_pg.py" line="31" />
      <source>{path} is a PostgreSQL database but not a LandCase case database.</source>
      <translation>{path} 是 PostgreSQL 数据库，但不是 LandCase 案件数据库。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="59" />
      <source>{path} is a SQLite file but not a LandCase case database.</source>
      <translation>{path} 是 SQLite 文件，但不是卫片执法案件库。</translation>
    </message>
    <message>
      <location filename="../../cases/pg_roles.py" line="234" />
      <source>{path} is a case database file: users and their rights belong to a server database.</source>
      <translation>{path} 是案件数据库文件：用户及其权限属于服务器数据库。</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="82" />
      <source>{path} is locked by another program; try again when it has finished. ({reason})</source>
      <translation>{path} 正被其他程序锁定，请待其完成后重试。（{reason}）</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="55" />
      <source>{path} is not a SQLite database file.</source>
      <translation>{path} 不是 SQLite 数据库文件。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="73" />
      <source>{path} is not a TrueType font: OpenType fonts with CFF outlines (.otf, Noto CJK, Source Han) cannot be embedded in the PDFs.</source>
      <translation>{path} 不是 TrueType 字体：CFF 轮廓的 OpenType 字体（.otf、Noto CJK、思源字体）无法嵌入 PDF。</translation>
    </message>
    <message>
      <location filename="../../cases/field_package_read.py" line="32" />
      <source>{path} is not a field package LandCase can read: {reason}</source>
      <translation>{path} 不是 LandCase 可读取的外业数据包：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="70" />
      <source>{path} is read-only: LandCase needs to write to the case database and its folder.</source>
      <translation>{path} 为只读：插件需要写入案件库文件及其所在文件夹。</translation>
    </message>
    <message>
      <location filename="../../forms/settings_page.py" line="92" />
      <source>{path} lacks Chinese characters or cannot be read.</source>
      <translation>{path} 缺少中文字符或无法读取。</translation>
    </message>
    <message>
      <location filename="../../cases/store_pg.py" line="108" />
      <source>{path} was made by an older LandCase (schema {found}); its owner opens it once with this version to upgrade it (schema {supported}).</source>
      <translation>{path} 由较早版本的 LandCase 创建（数据库结构 {found}）；请由其所有者用本版本打开一次以完成升级（数据库结构 {supported}）。</translation>
    </message>
    <message>
      <location filename="../../cases/attachments.py" line="42" />
      <source>{path} was not attached: {reason}</source>
      <translation>{path} 未添加：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="62" />
      <source>{path} was not moved to {target}: its audit trail is broken: {reason}</source>
      <translation>{path} 未迁移到 {target}：其审计链已断裂：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/move_to_postgis.py" line="56" />
      <source>{path} was not moved to {target}: {reason}</source>
      <translation>{path} 未迁移到 {target}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_batch.py" line="51" />
      <source>{path} was not read: {reason}</source>
      <translation>未读取 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../cases/errors.py" line="63" />
      <source>{path} was written by a newer LandCase (schema version {found}, this version reads up to {supported}). Update the plugin; the file was not changed.</source>
      <translation>{path} 由更新版本的插件写入（数据库结构版本 {found}，本版本最高支持 {supported}）。请升级插件；文件未作任何改动。</translation>
    </message>
    <message>
      <location filename="../../cases/store_pg.py" line="35" />
      <source>{path}: PostGIS is not installed in this database and this user may not install it (ask the administrator: CREATE EXTENSION postgis).</source>
      <translation>{path}：该数据库未安装 PostGIS，当前用户也无权安装（请管理员执行：CREATE EXTENSION postgis）。</translation>
    </message>
    <message>
      <location filename="../../cases/store_records.py" line="99" />
      <source>{path}: table {table} is missing: another program changed the file. Run 'Verify records' (landcase:verifyrecords) on it to see what else changed.</source>
      <translation>{path}：数据表 {table} 缺失，文件已被其他程序改动。请对其运行“核验记录”（landcase:verifyrecords），查看还有哪些改动。</translation>
    </message>
    <message>
      <location filename="../../layers/submission_export.py" line="49" />
      <source>{path}: {reason}</source>
      <translation>{path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="136" />
      <source>{period}: {count} plots</source>
      <translation>{period}：共 {count} 个图斑</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="153" />
      <source>{period}: {plots} plots, {illegal} violations; workbook: {path}</source>
      <translation>{period}：共 {plots} 个图斑，违法 {illegal} 宗；统计表：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/field_package.py" line="93" />
      <source>{plots} plots in the field package {folder} ({zip}).</source>
      <translation>外业数据包 {folder}（{zip}）中有 {plots} 个图斑。</translation>
    </message>
    <message>
      <location filename="../../cases/rounds.py" line="125" />
      <source>{previous} of the same month must come first</source>
      <translation>须先生成同月的 {previous}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="183" />
      <source>{recorded} patrols recorded, {skipped} already recorded, {rejected} rows rejected.</source>
      <translation>登记巡查 {recorded} 次，已登记过 {skipped} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
      <location filename="../../layers/role_assign.py" line="19" />
      <source>{role}: {reason}</source>
      <translation>{role}：{reason}</translation>
    </message>
    <message>
      <location filename="../../forms/import_report_dialog.py" line="74" />
      <source>{same} plots have the shape of another; {areas} issued areas differ from the plot's ellipsoidal area by more than 5 %.</source>
      <translation>{same} 个图斑与其他图斑形状相同；{areas} 个监测面积与图斑椭球面积相差超过 5%。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="216" />
      <source>{scheduled} visits scheduled, {skipped} plots left out.</source>
      <translation>已安排 {scheduled} 次巡查，{skipped} 个图斑未选入。</translation>
    </message>
    <message>
      <location filename="../../forms/case_dock.py" line="291" />
      <source>{shown} of {total} plots</source>
      <translation>显示 {shown} / 共 {total} 个图斑</translation>
    </message>
    <message>
      <location filename="../../forms/import_dialog.py" line="221" />
      <source>{source} holds several layers. Import which one?</source>
      <translation>{source} 包含多个图层，导入哪一个？</translation>
    </message>
    <message>
      <location filename="../../cases/patrol_zones.py" line="78" />
      <source>{source}, row {row} ({code}): {reason}</source>
      <translation>{source} 第 {row} 行（{code}）：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_algorithms.py" line="178" />
      <source>{source}, row {row}: {reason}</source>
      <translation>{source} 第 {row} 行：{reason}</translation>
    </message>
    <message>
      <location filename="../../layers/plot_layer.py" line="33" />
      <source>{source}: {error}</source>
      <translation>{source}：{error}</translation>
    </message>
    <message>
      <location filename="../../layers/source_files.py" line="22" />
      <source>{source}: {reason}</source>
      <translation>{source}：{reason}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="109" />
      <source>{title}: {breaches} breaches; workbook: {path}</source>
      <translation>{title}：问责情形 {breaches} 项；工作簿：{path}</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/database_users.py" line="68" />
      <source>{user} now has the rights of {group}.</source>
      <translation>{user} 现已具有 {group} 的权限。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="95" />
      <source>{value} is not a date (YYYY-MM-DD)</source>
      <translation>{value} 不是有效日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/patrol_report_algorithm.py" line="89" />
      <source>{value} is not a month (YYYY-MM) or a day (YYYY-MM-DD)</source>
      <translation>{value} 不是月份（YYYY-MM）或日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <location filename="../../cases/notifications.py" line="204" />
      <source>{value} is not in the list of recipients</source>
      <translation>{value} 不在接收单位名单中</translation>
    </message>
    <message>
      <location filename="../../forms/integrity_banner.py" line="43" />
      <source>… and {count} more</source>
      <translation>……另有 {count} 条</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="263" />
      <source>合法 by 供地手续 needs the number of the land-supply document (划拨决定书 or 出让合同)</source>
      <translation>依供地手续判定合法须填写供地文件编号（划拨决定书或出让合同）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="250" />
      <source>合法 by 批文 needs the approval number (批准文号)</source>
      <translation>依批文判定合法须填写批准文号</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="254" />
      <source>合法 by 批文 needs the share of the plot the approval covers, more than 0 and at most 1 (got {value})</source>
      <translation>依批文判定合法须填写批文覆盖图斑的比例，应大于 0 且不超过 1（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="270" />
      <source>合法 by 登记发证 needs the title number (不动产权证号)</source>
      <translation>依登记发证判定合法须填写不动产权证号</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/followup_algorithms.py" line="188" />
      <source>回头看 campaign name</source>
      <translation>“回头看”行动名称</translation>
    </message>
    <message>
      <location filename="../../cases/determination_suggestion.py" line="104" />
      <source>备少占多: the plot occupies {occupied:.2f} m², more than the filed {filed:.2f} m²</source>
      <translation>备少占多：图斑占地 {occupied:.2f} 平方米，超过备案面积 {filed:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="294" />
      <source>备少占多: the plot occupies {occupied_m2:.2f} m², more than the filed {filed_m2:.2f} m²</source>
      <translation>备少占多：图斑占地 {occupied_m2:.2f} 平方米，超过备案面积 {filed_m2:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../../cases/issued_area.py" line="147" />
      <source>监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area {area} m² by {percent}</source>
      <translation>监测面积 {jcmj} {unit}（{given} m²）与图斑椭球面积 {area} m² 相差 {percent}</translation>
    </message>
    <message>
      <location filename="../../cases/issued_area.py" line="141" />
      <source>监测面积 {jcmj} {unit} ({given} m²) differs from the plot's ellipsoidal area {area} m² by {percent}; read in {other} ({other_given} m²) it agrees: check the unit of 监测面积</source>
      <translation>监测面积 {jcmj} {unit}（{given} m²）与图斑椭球面积 {area} m² 相差 {percent}；按 {other} 计（{other_given} m²）则相符，请核对监测面积的单位</translation>
    </message>
    <message>
      <location filename="../../cases/problem_items.py" line="217" />
      <source>经度 and 纬度 must both be numbers of degrees</source>
      <translation>经度和纬度须均为度数</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="280" />
      <source>设施农用地 needs the facility-land record number (设施农用地上图入库号)</source>
      <translation>设施农用地须填写设施农用地上图入库号</translation>
    </message>
    <message>
      <location filename="../../cases/determination_codes.py" line="284" />
      <source>设施农用地 needs the filed area in m², more than 0 (got {value})</source>
      <translation>设施农用地须填写备案面积（平方米），且应大于 0（当前为 {value}）</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="132" />
      <source>违法占耕比例 (county flags): denominator {area} 亩 entered for {year} ({source}); the summary tables use the plots' figure.</source>
      <translation>违法占耕比例（县级考核）：分母 {area} 亩，为 {year} 年录入值（{source}）；汇总表采用由图斑计算的值。</translation>
    </message>
    <message>
      <location filename="../../forms/statistics_view.py" line="127" />
      <source>违法占耕比例 (county flags): denominator {area} 亩, computed from the plots (none entered for {year}).</source>
      <translation>违法占耕比例（县级考核）：分母 {area} 亩，由图斑计算（未录入 {year} 年数据）。</translation>
    </message>
    <message>
      <location filename="../../plugin/processing/statistics_algorithms.py" line="180" />
      <source>违法占耕比例 denominator of the county accountability: {source}</source>
      <translation>县级考核违法占耕比例的分母：{source}</translation>
    </message>
  </context>
</TS>
