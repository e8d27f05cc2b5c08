/** Clipboard HTML as Word, Gmail and web pages put it there (trimmed, structure kept). */

export const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} .MsoChpDefault {font-size:10.0pt;} --></style>
<!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]-->
</head>
<body lang=ES-PE link="#0563C1" vlink="#954F72" style='tab-interval:35.4pt'>
<!--StartFragment-->
<p class=MsoNormal><b><span lang=ES style='font-size:12.0pt'>Estimado cliente:</span></b><o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><span lang=ES>Su pedido <span style='font-weight:bold'>N.º 4512</span> fue <i>despachado</i> y llega <span style='text-decoration:underline'>mañana</span>. El precio <span style='text-decoration:line-through'>anterior</span> ya no aplica.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=ES>Boleta electrónica<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=ES>Guía de remisión<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=ES><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=ES>Revise el paquete<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=ES><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=ES>Firme la guía<o:p></o:p></span></p>
<p class=MsoNormal align=center style='text-align:center'><span lang=ES>Gracias por su compra<o:p></o:p></span></p>
<p class=MsoNormal><![if !vml]><img width=120 height=40 src="file:///C:/Users/ana/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="Logo"><![endif]><a href="https://tiendaandina.pe/ayuda" onclick="steal()">Centro de ayuda</a><o:p></o:p></p>
<!--EndFragment-->
</body></html>`;

export const WORD_EXPECTED =
  '<p><strong>Estimado cliente:</strong></p>' +
  '<p>Su pedido <strong>N.º 4512</strong> fue <em>despachado</em> y llega <u>mañana</u>. El precio <s>anterior</s> ya no aplica.</p>' +
  '<ul><li><p>Boleta electrónica</p></li><li><p>Guía de remisión</p></li></ul>' +
  '<ol><li><p>Revise el paquete</p></li><li><p>Firme la guía</p></li></ol>' +
  '<p style="text-align:center">Gracias por su compra</p>' +
  '<p><a href="https://tiendaandina.pe/ayuda">Centro de ayuda</a></p>';

export const GMAIL_HTML = `<meta charset='utf-8'><div dir="ltr"><div>Hola Jorge,</div><div><br></div><div>Le escribo por el pedido <b>4512</b>.</div><div>Quedo atento.</div><div><br></div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El lun, 3 jun 2024 a las 10:15, Tienda Andina (&lt;<a href="mailto:ventas@tiendaandina.pe">ventas@tiendaandina.pe</a>&gt;) escribió:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">Su pedido fue despachado.<div><img src="https://mail.google.com/mail/u/0?ui=2&amp;ik=abc&amp;attid=0.1" alt="sello.png" width="80"></div></div></blockquote></div></div>`;

export const GMAIL_EXPECTED =
  '<p>Hola Jorge,</p>' +
  '<p>Le escribo por el pedido <strong>4512</strong>.</p>' +
  '<p>Quedo atento.</p>' +
  '<p>El lun, 3 jun 2024 a las 10:15, Tienda Andina (&lt;<a href="mailto:ventas@tiendaandina.pe">ventas@tiendaandina.pe</a>&gt;) escribió:</p>' +
  '<blockquote><p>Su pedido fue despachado.</p><p><img src="https://mail.google.com/mail/u/0?ui=2&amp;ik=abc&amp;attid=0.1" alt="sello.png" width="80"></p></blockquote>';

export const WEB_HTML = `<meta charset='utf-8'><h2 style="color:red">Envíos</h2><p class="lead">Despachamos a <span style="font-style:italic">todo</span> el país.</p><table><thead><tr><th>Zona</th><th>Días</th></tr></thead><tbody><tr><td>Lima</td><td>1</td></tr><tr><td>Provincias</td><td>3</td></tr></tbody></table><section><code>ENVIO10</code> <font color="red">aplica</font></section><script>alert(1)</script><img src="blob:https://x/1"><img src="cid:abc@x"><iframe src="https://evil"></iframe>`;

export const WEB_EXPECTED =
  '<p><strong>Envíos</strong></p>' +
  '<p>Despachamos a <em>todo</em> el país.</p>' +
  '<p>Zona Días</p><p>Lima 1</p><p>Provincias 3</p>' +
  '<p>ENVIO10 aplica</p>';
