/** app.draw */
package org.convscope.app.draw;
